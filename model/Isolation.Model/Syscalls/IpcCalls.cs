using System.Globalization;
using Isolation.Model.Abi;
using Isolation.Model.Kernel.Ipc;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// The SysV IPC calls, as strace prints them: shmget/shmat/shmdt/shmctl, msgget/msgsnd/msgrcv/msgctl,
/// semget/semop (and glibc's semtimedop with a NULL timeout)/semctl. The logic is in
/// <see cref="SysvShm"/>, <see cref="SysvMsg"/> and <see cref="SysvSem"/>.
/// </summary>
/// <remarks>ipc/shm.c, ipc/msg.c, ipc/sem.c (6.12): the syscall entry points.</remarks>
internal static class IpcCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("shmget", ShmGet);
        table.Register("shmat", ShmAt);
        table.Register("shmdt", ShmDt);
        table.Register("shmctl", ShmCtl);
        table.Register("msgget", MsgGet);
        table.Register("msgsnd", MsgSnd);
        table.Register("msgrcv", MsgRcv);
        table.Register("msgctl", MsgCtl);
        table.Register("semget", SemGet);
        table.Register("semop", SemOp);
        table.Register("semtimedop", SemOp);
        table.Register("semctl", SemCtl);
    }

    // shmget(0x4d2, 4096, IPC_CREAT|0600) = 0.
    private static SyscallOutcome ShmGet(SyscallContext ctx)
    {
        ctx.Arity(3);
        var error = SysvShm.Get(ctx.Kernel, ctx.Caller, Key(ctx), ctx.Int(1), Flag(ctx, 2), out var id);
        return Answer(error, id);
    }

    // shmat(1, NULL, SHM_RDONLY) = 0x7effffff0000: the address in hex, as strace prints it.
    private static SyscallOutcome ShmAt(SyscallContext ctx)
    {
        ctx.Arity(3);
        var error = SysvShm.Attach(ctx.Kernel, ctx.Caller, (int)ctx.Int(0), (ulong)ctx.Int(1), Flag(ctx, 2), out var address);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        var value = (long)address;
        return SyscallOutcome.Ok() with { Result = new ValueResult(value, "0x" + value.ToString("x", CultureInfo.InvariantCulture), null, SourceSpan.None) };
    }

    // shmdt(0x7effffff0000) = 0.
    private static SyscallOutcome ShmDt(SyscallContext ctx)
    {
        ctx.Arity(1);
        return Answer(SysvShm.Detach(ctx.Caller, (ulong)ctx.Int(0)));
    }

    // shmctl(0, IPC_RMID, NULL), shmctl(0, IPC_STAT, {shm_perm={…}, shm_segsz=4096, shm_nattch=1, ...}).
    private static SyscallOutcome ShmCtl(SyscallContext ctx) =>
        Ctl(ctx, id => SysvShm.Remove(ctx.Kernel, ctx.Caller, id), (int id, out StructExpr? r) => SysvShm.Stat(ctx.Kernel, ctx.Caller, id, out r));

    // msgget(IPC_PRIVATE, IPC_CREAT|0600) = 0.
    private static SyscallOutcome MsgGet(SyscallContext ctx)
    {
        ctx.Arity(2);
        var error = SysvMsg.Get(ctx.Kernel, ctx.Caller, Key(ctx), Flag(ctx, 1), out var id);
        return Answer(error, id);
    }

    // msgsnd(0, {mtype=1, mtext="hello"}, 5, IPC_NOWAIT) = 0: msgsz bytes of mtext (NUL-padded).
    private static SyscallOutcome MsgSnd(SyscallContext ctx)
    {
        ctx.Arity(4);
        var size = ctx.Int(2);
        if (size < 0 || size > IpcNamespace.MsgMax)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var msg = ctx.Arg(1) as StructExpr ?? throw ctx.Error(ctx.Arg(1), "expected {mtype=N, mtext=\"...\"}");
        var type = (msg.Field("mtype") ?? msg.Fields.FirstOrDefault()) as IntExpr ?? throw ctx.Error(msg, "expected mtype=N");
        var text = (msg.Field("mtext") ?? msg.Fields.ElementAtOrDefault(1)) as StringExpr ?? throw ctx.Error(msg, "expected mtext=\"...\"");
        var data = new byte[size];
        text.Bytes.AsSpan(0, (int)Math.Min(text.Bytes.Length, size)).CopyTo(data);
        return Answer(SysvMsg.Send(ctx.Kernel, ctx.Caller, (int)ctx.Int(0), type.Value, data, Flag(ctx, 3)));
    }

    // msgrcv(0, {mtype=1, mtext="hello\0\0\0"}, 8, 0, IPC_NOWAIT) = 5: strace prints msgsz bytes of
    // mtext, the message and then what the buffer held before (zeros, as a runner's fresh buffer).
    private static SyscallOutcome MsgRcv(SyscallContext ctx)
    {
        ctx.Arity(5);
        var error = SysvMsg.Receive(ctx.Kernel, ctx.Caller, (int)ctx.Int(0), ctx.Int(2), ctx.Int(3), Flag(ctx, 4), out var message);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        var (type, text) = message!.Value;
        var buffer = new byte[Math.Max(ctx.Int(2), text.Length)];
        text.CopyTo(buffer, 0);
        var rendered = new StructExpr(
            [new FieldExpr("mtype", IntExpr.Of(type), SourceSpan.None), new FieldExpr("mtext", StringExpr.Of(buffer), SourceSpan.None)],
            SourceSpan.None);
        return SyscallOutcome.Ok(text.Length).WithOutput(1, rendered);
    }

    // msgctl(0, IPC_RMID, NULL), msgctl(0, IPC_STAT, {msg_perm={…}, msg_qnum=0, msg_qbytes=16384, ...}).
    private static SyscallOutcome MsgCtl(SyscallContext ctx) =>
        Ctl(ctx, id => SysvMsg.Remove(ctx.Kernel, ctx.Caller, id), (int id, out StructExpr? r) => SysvMsg.Stat(ctx.Kernel, ctx.Caller, id, out r));

    // semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = 0.
    private static SyscallOutcome SemGet(SyscallContext ctx)
    {
        ctx.Arity(3);
        var error = SysvSem.Get(ctx.Kernel, ctx.Caller, Key(ctx), (int)ctx.Int(1), Flag(ctx, 2), out var id);
        return Answer(error, id);
    }

    // semop(0, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], 1), semtimedop(0, […], 1, NULL).
    private static SyscallOutcome SemOp(SyscallContext ctx)
    {
        ctx.Arity(3, 4);
        if (ctx.Has(3) && !ctx.IsNull(3))
        {
            throw ctx.Error(ctx.Arg(3), "a semtimedop timeout is not modelled (the model never waits)");
        }

        var count = ctx.Int(2);
        var array = ctx.Arg(1) as ArrayExpr ?? throw ctx.Error(ctx.Arg(1), "expected [{sem_num=N, sem_op=N, sem_flg=F}, ...]");
        if (count > array.Items.Length)
        {
            throw ctx.Error(array, $"nsops is {count} but {array.Items.Length} operations are written");
        }

        var ops = array.Items.Take((int)Math.Max(0, count)).Select(item => ReadSemOp(ctx, item)).ToList();
        return Answer(SysvSem.Op(ctx.Kernel, ctx.Caller, (int)ctx.Int(0), ops));
    }

    // semctl(0, 0, GETVAL, NULL) = 1, semctl(0, 0, SETVAL, 0x5) = 0, semctl(0, 0, IPC_RMID, NULL),
    // semctl(0, 0, IPC_STAT, {sem_perm={…}, sem_nsems=2, ...}).
    private static SyscallOutcome SemCtl(SyscallContext ctx)
    {
        ctx.Arity(3, 4);
        var (kernel, caller) = (ctx.Kernel, ctx.Caller);
        var id = (int)ctx.Int(0);
        var num = (int)ctx.Int(1);
        var cmd = (int)ctx.Flags(2, IpcAbi.Commands) & ~IpcAbi.Ipc64;
        if (id < 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        switch (cmd)
        {
            case IpcAbi.Rmid:
                return Answer(SysvSem.Remove(kernel, caller, id));
            case IpcAbi.Stat:
                var error = SysvSem.Stat(kernel, caller, id, out var rendered);
                return error != Errno.None ? SyscallOutcome.Fail(error) : SyscallOutcome.Ok().WithOutput(3, rendered!);
            case IpcAbi.GetVal:
            case IpcAbi.GetNcnt:
            case IpcAbi.GetZcnt:
                error = SysvSem.GetValue(kernel, caller, id, num, cmd, out var value);
                return Answer(error, value);
            case IpcAbi.SetVal:
                return Answer(SysvSem.SetValue(kernel, caller, id, num, (int)ctx.Int(3)));
            case IpcAbi.Set or IpcAbi.Info or IpcAbi.GetPid or IpcAbi.GetAll or IpcAbi.SetAll or 18 or 19 or 20:
                throw ctx.Error(ctx.Arg(2), "this semctl command is not modelled");
            default:
                return SyscallOutcome.Fail(Errno.EINVAL);
        }
    }

    private delegate Errno StatFunc(int id, out StructExpr? rendered);

    // shmctl and msgctl: EINVAL for a negative id or command; IPC_RMID and IPC_STAT modelled.
    private static SyscallOutcome Ctl(SyscallContext ctx, Func<int, Errno> remove, StatFunc stat)
    {
        ctx.Arity(3);
        var id = (int)ctx.Int(0);
        var cmd = (int)ctx.Flags(1, IpcAbi.Commands) & ~IpcAbi.Ipc64;
        if (id < 0 || cmd < 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        switch (cmd)
        {
            case IpcAbi.Rmid:
                return Answer(remove(id));
            case IpcAbi.Stat:
                var error = stat(id, out var rendered);
                return error != Errno.None ? SyscallOutcome.Fail(error) : SyscallOutcome.Ok().WithOutput(2, rendered!);
            case IpcAbi.Set or IpcAbi.Info or (>= 11 and <= 15):
                throw ctx.Error(ctx.Arg(1), "this IPC command is not modelled");
            default:
                return SyscallOutcome.Fail(Errno.EINVAL);
        }
    }

    private static SemOp ReadSemOp(SyscallContext ctx, Expr item)
    {
        var op = item as StructExpr ?? throw ctx.Error(item, "expected {sem_num=N, sem_op=N, sem_flg=F}");
        int Field(string name, int position) => (op.Field(name) ?? op.Fields.ElementAtOrDefault(position)) switch
        {
            IntExpr i => (int)i.Value,
            { } e => (int)IpcAbi.Flags.Decode(e),
            null => throw ctx.Error(op, $"expected {name}"),
        };
        return new SemOp(Field("sem_num", 0), Field("sem_op", 1), Field("sem_flg", 2));
    }

    private static int Key(SyscallContext ctx) => (int)ctx.Flags(0, IpcAbi.Keys);

    private static int Flag(SyscallContext ctx, int index) => (int)ctx.Flags(index, IpcAbi.Flags);

    private static SyscallOutcome Answer(Errno error, long value = 0) => error == Errno.None ? SyscallOutcome.Ok(value) : SyscallOutcome.Fail(error);
}
