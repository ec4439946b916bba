using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>Making, changing and ending processes: fork, vfork, clone, clone3, execve, exit_group, exit, unshare.</summary>
/// <remarks>kernel/fork.c, fs/exec.c, kernel/exit.c (6.12); see <see cref="TaskLifecycle"/>.</remarks>
internal static class ProcessCalls
{
    /// <summary>The path of the scenario's own program, which is what every exec runs.</summary>
    private const string SelfExe = "/proc/self/exe";

    /// <summary>CLONE_ARGS_SIZE_VER0: the smallest struct clone_args.</summary>
    private const long CloneArgsSizeVer0 = 64;

    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("fork", ctx => Fork(ctx, 0, Signals.Chld));
        table.Register("vfork", ctx => Fork(ctx, CloneFlags.Vfork | CloneFlags.Vm, Signals.Chld));
        table.Register("clone", Clone);
        table.Register("clone3", Clone3);
        table.Register("execve", Execve);
        table.Register("exit_group", Exit);
        table.Register("exit", Exit);
        table.Register("unshare", Unshare);
    }

    // clone(child_stack=NULL, flags=CLONE_NEWNET|SIGCHLD[, child_tidptr=...]): the low byte of flags is the exit signal.
    private static SyscallOutcome Clone(SyscallContext ctx)
    {
        var at = Named(ctx, "flags");
        var flags = CloneFlags.Table.Decode(at);
        return Fork(ctx, flags & ~CloneFlags.ExitSignalMask, (int)(flags & CloneFlags.ExitSignalMask), at);
    }

    // clone3({flags=..., exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88): clone3_args_valid's EINVALs first.
    private static SyscallOutcome Clone3(SyscallContext ctx)
    {
        ctx.Arity(2);
        var args = ctx.Arg(0) as StructExpr ?? throw ctx.Error(ctx.Arg(0), "expected struct clone_args");
        var size = ctx.Int(1);
        if (size < CloneArgsSizeVer0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var flags = args.Field("flags") is { } f ? CloneFlags.Table.Decode(f) : 0;
        var exitSignal = args.Field("exit_signal") is { } s ? Signals.Table.Decode(s) : 0;
        if ((exitSignal & ~CloneFlags.ExitSignalMask) != 0 || exitSignal > Signals.Max ||
            (flags & ~0xffffffffL) != 0 ||
            (flags & (CloneFlags.Detached | (CloneFlags.ExitSignalMask & ~CloneFlags.NewTime))) != 0 ||
            ((flags & (CloneFlags.Thread | CloneFlags.Parent)) != 0 && exitSignal != 0))
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        return Fork(ctx, flags, (int)exitSignal, args);
    }

    private static SyscallOutcome Fork(SyscallContext ctx, long flags, int exitSignal, Expr? flagsAt = null)
    {
        var invalid = TaskLifecycle.CheckFlags(flags);
        if (invalid != Errno.None)
        {
            return SyscallOutcome.Fail(invalid);
        }

        var unmodelled = flags & ~TaskLifecycle.ModelledFlags;
        if (unmodelled != 0 || (flags & (CloneFlags.Vm | CloneFlags.Vfork)) == CloneFlags.Vm)
        {
            throw TaskArgs.NotModelled(ctx, flagsAt, FlagNames(unmodelled == 0 ? CloneFlags.Vm : unmodelled));
        }

        var error = TaskLifecycle.Fork(ctx.Kernel, ctx.Caller, flags, exitSignal, out var child);
        return error == Errno.None ? SyscallOutcome.Child(child!) : SyscallOutcome.Fail(error);
    }

    // execve("/proc/self/exe", argv, envp): the scenario's program re-executes itself. Another path
    // fails as Linux fails to open it for exec (ENOENT, ENOTDIR, EACCES for a search or execute
    // permission or a file that is not regular); a program other than the scenario's cannot be run.
    private static SyscallOutcome Execve(SyscallContext ctx)
    {
        ctx.Arity(1, 3);
        var path = ctx.Text(0);
        if (path != SelfExe)
        {
            var error = PathWalk.Resolve(ctx.Kernel, ctx.Caller, ctx.Kernel.Fs.Root, path, out var target);
            if (error == Errno.None && !target!.IsRegular)
            {
                error = Errno.EACCES;
            }

            if (error == Errno.None)
            {
                error = target!.Permission(ctx.Kernel, ctx.Caller, MayMask.Exec);
            }

            return error != Errno.None
                ? SyscallOutcome.Fail(error)
                : throw TaskArgs.NotModelled(ctx, ctx.Arg(0), "execve of a program other than the scenario's own (" + SelfExe + ")");
        }

        return TaskArgs.Result(TaskExec.Execve(ctx.Kernel, ctx.Caller, path));
    }

    // exit_group(N) = ?; a single-threaded process's exit(N) is the same.
    private static SyscallOutcome Exit(SyscallContext ctx)
    {
        ctx.Arity(1);
        TaskLifecycle.Exit(ctx.Kernel, ctx.Caller, (int)ctx.Int(0), 0);
        return SyscallOutcome.NoReturn;
    }

    // unshare(CLONE_NEWUSER|CLONE_NEWNET): EINVAL for unknown flags before anything else (check_unshare_flags).
    private static SyscallOutcome Unshare(SyscallContext ctx)
    {
        ctx.Arity(1);
        var flags = CloneFlags.Table.Decode(ctx.Arg(0));
        if ((flags & ~CloneFlags.UnshareAllowed) != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        if ((flags & CloneFlags.NewPid) != 0)
        {
            throw TaskArgs.NotModelled(ctx, ctx.Arg(0), "CLONE_NEWPID (pid namespaces)");
        }

        return TaskArgs.Result(TaskNamespaces.Unshare(ctx.Kernel, ctx.Caller, flags));
    }

    private static string FlagNames(long flags) =>
        string.Join("|", Enumerable.Range(0, 63).Select(b => 1L << b).Where(bit => (flags & bit) != 0)
            .Select(bit => CloneFlags.Table.NameOf(bit) ?? $"0x{bit:x}"));

    // strace prints clone's arguments by name: child_stack=..., flags=..., child_tidptr=...
    private static Expr Named(SyscallContext ctx, string name) =>
        ctx.Args.OfType<FieldExpr>().FirstOrDefault(f => f.Name == name)?.Value
            ?? throw new TraceException(ctx.Call.CallSpan, $"{ctx.Call.Call} needs a {name}= argument");
}
