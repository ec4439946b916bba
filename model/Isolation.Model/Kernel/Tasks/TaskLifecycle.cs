using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Ptrace;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Tasks;

/// <summary>
/// Making and ending processes: one fork mechanism behind fork, vfork, clone and clone3, and one
/// exit behind exit_group and death by signal. Nobody waits in a scenario, so an exited task stays
/// a zombie unless its parent ignores SIGCHLD, which reaps it at once.
/// </summary>
/// <remarks>kernel/fork.c copy_process, kernel/exit.c do_exit, exit_notify, forget_original_parent, release_task (6.12).</remarks>
public static class TaskLifecycle
{
    /// <summary>
    /// The clone flags whose effect the model knows: the namespaces, CLONE_PTRACE/CLONE_UNTRACED,
    /// vfork's CLONE_VM|CLONE_VFORK (run as a fork: no call blocks in a scenario; CLONE_VM alone
    /// is refused by the syscall), and the flags
    /// that only concern threads' memory (TID pointers, TLS, CLONE_IO, CLONE_SYSVSEM, CLONE_DETACHED).
    /// The others (CLONE_FS, CLONE_FILES, CLONE_SIGHAND, CLONE_THREAD, CLONE_PARENT, CLONE_PIDFD,
    /// CLONE_NEWPID, CLONE_VM without CLONE_VFORK) share or rename state the model does not split.
    /// </summary>
    public const long ModelledFlags =
        CloneFlags.NewNet | CloneFlags.NewUser | CloneFlags.NewIpc | CloneFlags.NewNs | CloneFlags.NewUts |
        CloneFlags.NewCgroup | CloneFlags.NewTime | CloneFlags.Ptrace | CloneFlags.Untraced | CloneFlags.Vfork | CloneFlags.Vm |
        CloneFlags.ChildCleartid | CloneFlags.ChildSettid | CloneFlags.ParentSettid | CloneFlags.Settls |
        CloneFlags.Io | CloneFlags.Sysvsem | CloneFlags.Detached;

    /// <summary>
    /// copy_process's checks of flag combinations (EINVAL): a new mount or user namespace with a
    /// shared fs_struct, threads without shared handlers, handlers without shared memory, threads
    /// in a new user or pid namespace, CLONE_PIDFD with CLONE_DETACHED.
    /// </summary>
    public static Errno CheckFlags(long flags)
    {
        bool Both(long a, long b) => (flags & (a | b)) == (a | b);
        bool Without(long a, long b) => (flags & a) != 0 && (flags & b) == 0;
        if (Both(CloneFlags.NewNs, CloneFlags.Fs) || Both(CloneFlags.NewUser, CloneFlags.Fs) ||
            Without(CloneFlags.Thread, CloneFlags.Sighand) || Without(CloneFlags.Sighand, CloneFlags.Vm) ||
            ((flags & CloneFlags.Thread) != 0 && (flags & (CloneFlags.NewUser | CloneFlags.NewPid)) != 0) ||
            Both(CloneFlags.Pidfd, CloneFlags.Detached))
        {
            return Errno.EINVAL;
        }

        return Errno.None;
    }

    /// <summary>
    /// copy_process for flags already checked by <see cref="CheckFlags"/> and within
    /// <see cref="ModelledFlags"/>: credentials (a new user namespace for CLONE_NEWUSER), the
    /// task_alloc hook, then the other namespaces (CAP_SYS_ADMIN over the child's user namespace);
    /// the child copies the descriptor table, ignored signals, dumpability, no_new_privs, rlimits
    /// and scheduling. It is traced by the parent's tracer for CLONE_PTRACE or an enabled
    /// PTRACE_O_TRACEFORK/VFORK/CLONE. A refused child never exists (it takes no pN).
    /// </summary>
    public static Errno Fork(KernelState kernel, Task parent, long flags, int exitSignal, out Task? child)
    {
        child = null;
        var cred = parent.Cred;
        if ((flags & CloneFlags.NewUser) != 0)
        {
            var error = UserNamespaces.Create(kernel, parent, cred, out cred);
            if (error != Errno.None)
            {
                return error;
            }
        }

        var task = kernel.NewTask(parent, cred, new FdTable(), parent.NetNs, parent.IpcNs);
        SchedFork(parent, task);
        var denied = kernel.Security.TaskAlloc(parent, task, flags);
        if (denied != Errno.None)
        {
            return denied;
        }

        denied = TaskNamespaces.MayCreate(kernel, parent, cred.UserNs, flags);
        if (denied == Errno.None && (flags & (CloneFlags.NewIpc | CloneFlags.Sysvsem)) == (CloneFlags.NewIpc | CloneFlags.Sysvsem))
        {
            denied = Errno.EINVAL; // "we must forbid using it along with CLONE_NEWIPC" (copy_namespaces).
        }

        if (denied != Errno.None)
        {
            kernel.Security.TaskFree(task);
            return denied;
        }

        TaskNamespaces.Create(kernel, task, cred.UserNs, flags);
        CopyState(parent, task);
        PtraceLinks.InitChild(kernel, parent, task, flags, exitSignal);
        kernel.AddTask(task);
        child = task;
        return Errno.None;
    }

    /// <summary>
    /// do_exit: the task's descriptors are closed, the tasks it traces are detached (and killed for
    /// PTRACE_O_EXITKILL), its children are handed to a reaper outside the scenario (each gets its
    /// parent-death signal), and it becomes a zombie; reaped at once if its parent ignores SIGCHLD
    /// and it is not traced. <paramref name="signal"/> is the fatal signal, or 0 for exit_group.
    /// </summary>
    public static void Exit(KernelState kernel, Task task, int status, int signal)
    {
        foreach (var fd in task.Files.Numbers.ToList())
        {
            if (task.Files.Remove(fd) is { } file)
            {
                kernel.PutFile(file);
            }
        }

        task.Mm.Release();
        task.State = TaskState.Zombie;
        task.ExitStatus = status & 0xff;
        task.KilledBySignal = signal;
        task.Stopped = false;
        task.PendingSignals.Clear();
        PtraceLinks.ExitPtrace(kernel, task);
        foreach (var orphan in task.Children.ToList())
        {
            orphan.Parent = null;
            if (orphan.PdeathSignal != 0)
            {
                SignalDelivery.Send(kernel, task, orphan, orphan.PdeathSignal);
            }
        }

        task.Children.Clear();
        if (task.Tracer is null && IgnoresChildren(task.Parent))
        {
            Release(kernel, task);
        }
    }

    /// <summary>Whether exit notification to <paramref name="parent"/> reaps the child at once (SIGCHLD set to SIG_IGN).</summary>
    public static bool IgnoresChildren(Task? parent) => parent is not null && parent.IgnoredSignals.Contains(Signals.Chld);

    /// <summary>release_task: the zombie is reaped, its pid freed (ESRCH from now on), and the modules' task_free runs.</summary>
    public static void Release(KernelState kernel, Task task)
    {
        task.State = TaskState.Dead;
        task.Parent?.Children.Remove(task);
        kernel.Security.TaskFree(task);
    }

    // dup_task_struct's other fields, copy_files, copy_sighand, copy_signal and copy_mm, after security_task_alloc.
    private static void CopyState(Task parent, Task child)
    {
        child.Files = parent.Files.CloneForFork();
        child.IgnoredSignals.UnionWith(parent.IgnoredSignals);
        foreach (var (resource, limit) in parent.Rlimits)
        {
            child.Rlimits[resource] = limit;
        }

        child.Dumpable = parent.Dumpable;
        child.MmUserNs = parent.MmUserNs;
        child.Mm = parent.Mm.CloneForFork();
        child.Umask = parent.Umask;
        child.NoNewPrivs = parent.NoNewPrivs;
    }

    // dup_task_struct's copy of the scheduling fields and sched_fork, which copy_process runs
    // before security_task_alloc: a module that changes the parent's nice there (bsdjail's
    // set_user_nice(current, …)) does not change the child's.
    private static void SchedFork(Task parent, Task child)
    {
        child.Nice = parent.Nice;
        child.SchedPolicy = parent.SchedPolicy;
        child.RtPriority = parent.RtPriority;
        if (parent.SchedResetOnFork)
        {
            // sched_fork: "Revert to default priority/policy on fork if requested."
            if (child.SchedPolicy is Scheduling.Fifo or Scheduling.RoundRobin or Scheduling.Deadline)
            {
                child.SchedPolicy = Scheduling.Normal;
                child.RtPriority = 0;
            }

            child.Nice = Math.Max(child.Nice, 0);
        }
    }
}
