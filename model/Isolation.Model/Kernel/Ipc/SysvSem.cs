using Isolation.Model.Abi;
using Isolation.Model.Kernel.Channels;
using Isolation.Traces;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>
/// SysV semaphores: semget, semop, semctl (IPC_RMID, IPC_STAT, GETVAL, GETNCNT, GETZCNT, SETVAL).
/// SEM_UNDO is accepted; the model does not undo adjustments at exit.
/// </summary>
/// <remarks>ipc/sem.c (6.12): ksys_semget, newary, sem_more_checks, do_semtimedop, perform_atomic_semop,
/// ksys_semctl, semctl_main, semctl_setval, semctl_down, semctl_stat.</remarks>
public static class SysvSem
{
    /// <summary>semget: EINVAL for a count below 0 or above SEMMSL, and 0 for a new set; an existing set must have at least that many.</summary>
    public static Errno Get(KernelState kernel, Task task, int key, int count, int flag, out int id)
    {
        id = -1;
        if (count < 0 || count > IpcNamespace.SemMsl)
        {
            return Errno.EINVAL;
        }

        var ns = task.IpcNs;
        return IpcPerms.Get(
            kernel,
            task,
            ns.Sem,
            key,
            flag,
            () => count == 0
                ? (Errno.EINVAL, -1)
                : ns.UsedSems + count > (long)IpcNamespace.SemMsl * IpcNamespace.SemMni
                    ? (Errno.ENOSPC, -1)
                    : IpcPerms.New(task, ns.Sem, new SemaphoreSet(ns, count), key, flag, IpcNamespace.SemMni, kernel.Security.SemAlloc),
            set => count > set.Values.Length ? Errno.EINVAL : Errno.None,
            set => kernel.Security.SemAssociate(task, set, flag),
            out id);
    }

    /// <summary>
    /// semop: EINVAL for no operation or a negative id, E2BIG above SEMOPM, EINVAL for an unknown
    /// id, EFBIG for a semaphore number beyond the set, EACCES without write (any non-zero op) or
    /// read permission, sem_semop; then all operations at once or none: ERANGE above SEMVMX, and an
    /// operation that would wait is EAGAIN (with IPC_NOWAIT, and in the model also without).
    /// </summary>
    public static Errno Op(KernelState kernel, Task task, int id, IReadOnlyList<SemOp> ops)
    {
        if (ops.Count < 1 || id < 0)
        {
            return Errno.EINVAL;
        }

        if (ops.Count > IpcNamespace.SemOpm)
        {
            return Errno.E2BIG;
        }

        var set = task.IpcNs.Sem.Obtain(id);
        if (set is null)
        {
            return Errno.EINVAL;
        }

        if (ops.Max(o => (uint)o.Num) >= set.Values.Length)
        {
            return Errno.EFBIG;
        }

        var alter = ops.Any(o => o.Op != 0);
        if (!IpcPerms.Permits(kernel, task, set, alter ? IpcPerms.Write : IpcPerms.Read))
        {
            return Errno.EACCES;
        }

        var error = kernel.Security.SemSemop(task, set, ops.Count, alter);
        if (error != Errno.None)
        {
            return error;
        }

        var values = (int[])set.Values.Clone();
        foreach (var op in ops)
        {
            var result = values[op.Num] + op.Op;
            if ((op.Op == 0 && values[op.Num] != 0) || result < 0)
            {
                return Errno.EAGAIN;
            }

            if (result > IpcNamespace.SemVmx)
            {
                return Errno.ERANGE;
            }

            values[op.Num] = result;
        }

        foreach (var op in ops)
        {
            Read(kernel, task, set, op.Num);
            if (op.Op != 0)
            {
                set.LastPids[op.Num] = task;
            }
        }

        values.CopyTo(set.Values, 0);
        return Errno.None;
    }

    /// <summary>
    /// semctl GETVAL, GETNCNT, GETZCNT (semctl_main): EINVAL, EACCES without read permission,
    /// sem_semctl, then EINVAL for a number outside the set. No task ever waits in the model, so
    /// the counts are 0.
    /// </summary>
    public static Errno GetValue(KernelState kernel, Task task, int id, int num, int cmd, out int value)
    {
        value = 0;
        var set = task.IpcNs.Sem.Obtain(id);
        if (set is null)
        {
            return Errno.EINVAL;
        }

        if (!IpcPerms.Permits(kernel, task, set, IpcPerms.Read))
        {
            return Errno.EACCES;
        }

        var error = kernel.Security.SemSemctl(task, set, cmd);
        if (error != Errno.None)
        {
            return error;
        }

        if (num < 0 || num >= set.Values.Length)
        {
            return Errno.EINVAL;
        }

        if (cmd == IpcAbi.GetVal)
        {
            Read(kernel, task, set, num);
            value = set.Values[num];
        }

        return Errno.None;
    }

    /// <summary>
    /// semctl SETVAL (semctl_setval): ERANGE outside 0..SEMVMX before anything else, EINVAL for an
    /// unknown id or number, EACCES without write permission, and EACCES too when sem_semctl refuses.
    /// </summary>
    public static Errno SetValue(KernelState kernel, Task task, int id, int num, long value)
    {
        if (value < 0 || value > IpcNamespace.SemVmx)
        {
            return Errno.ERANGE;
        }

        var set = task.IpcNs.Sem.Obtain(id);
        if (set is null || num < 0 || num >= set.Values.Length)
        {
            return Errno.EINVAL;
        }

        if (!IpcPerms.Permits(kernel, task, set, IpcPerms.Write) || kernel.Security.SemSemctl(task, set, IpcAbi.SetVal) != Errno.None)
        {
            return Errno.EACCES;
        }

        set.Values[num] = (int)value;
        set.LastPids[num] = task;
        return Errno.None;
    }

    /// <summary>semctl IPC_RMID: EINVAL, EPERM (not owner, creator or CAP_SYS_ADMIN), sem_semctl.</summary>
    public static Errno Remove(KernelState kernel, Task task, int id)
    {
        return IpcPerms.RemoveForCtl(kernel, task, task.IpcNs.Sem, id, kernel.Security.SemSemctl);
    }

    /// <summary>semctl IPC_STAT: EINVAL, EACCES without read permission, sem_semctl.</summary>
    public static Errno Stat(KernelState kernel, Task task, int id, out StructExpr? rendered)
    {
        rendered = null;
        var error = IpcPerms.ObtainForCtl(kernel, task, task.IpcNs.Sem, id, IpcAbi.Stat, kernel.Security.SemSemctl, out var set);
        if (error == Errno.None)
        {
            rendered = IpcRender.Stat("sem", set!, task, ("sem_nsems", IpcRender.Number(set!.Values.Length)));
        }

        return error;
    }

    // Whoever last changed a semaphore reaches the task that now reads it.
    private static void Read(KernelState kernel, Task task, SemaphoreSet set, int num)
    {
        if (set.LastPids[num] is { } writer)
        {
            kernel.RecordChannel(ChannelKind.Ipc, writer, task, $"sem {set.Id}");
        }
    }
}
