using Isolation.Model.Abi;
using Isolation.Model.Kernel.Channels;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Ptrace;

/// <summary>
/// ptrace attachments: making them (attach, seize, traceme, and the automatic ones of fork) and
/// dropping them (detach, the tracer's exit). Stops are invisible in a scenario: an attached
/// tracee keeps running its own events.
/// </summary>
/// <remarks>kernel/ptrace.c ptrace_attach, ptrace_traceme, ptrace_check_attach, ptrace_detach, __ptrace_detach, exit_ptrace; include/linux/ptrace.h ptrace_init_task; kernel/fork.c kernel_clone (6.12).</remarks>
public static class PtraceLinks
{
    /// <summary>
    /// PTRACE_ATTACH, or PTRACE_SEIZE with <paramref name="addr"/> and <paramref name="options"/>:
    /// for SEIZE, EIO for a nonzero addr or an unknown option, and EPERM for
    /// PTRACE_O_SUSPEND_SECCOMP without CAP_SYS_ADMIN; EPERM to attach to oneself; the
    /// ptrace_may_access check (ATTACH|REALCREDS); EPERM for a zombie or a task already traced.
    /// </summary>
    public static Errno Attach(KernelState kernel, Task tracer, Task target, bool seize, long addr, long options)
    {
        if (seize)
        {
            if (addr != 0 || (options & ~PtraceRequests.OptionMask) != 0)
            {
                return Errno.EIO;
            }

            if ((options & PtraceRequests.OptionSuspendSeccomp) != 0 && !Capabilities.Capable(kernel, tracer, Capability.SysAdmin))
            {
                return Errno.EPERM;
            }
        }

        if (target == tracer)
        {
            return Errno.EPERM;
        }

        var error = PtraceAccess.MayAccess(kernel, tracer, target, PtraceMode.Attach | PtraceMode.RealCreds);
        if (error != Errno.None)
        {
            return error;
        }

        if (!target.IsAlive || target.Tracer is not null)
        {
            return Errno.EPERM;
        }

        Link(kernel, target, tracer, tracer.Cred, seize ? options : 0);
        return Errno.None;
    }

    /// <summary>
    /// PTRACE_TRACEME: EPERM if already traced; the capability module's cap_ptrace_traceme, then the
    /// modules' ptrace_traceme, both about <paramref name="parent"/>; then the parent traces the caller.
    /// </summary>
    public static Errno Traceme(KernelState kernel, Task task, Task parent)
    {
        if (task.Tracer is not null)
        {
            return Errno.EPERM;
        }

        var error = PtraceAccess.CapTraceme(kernel, parent, task);
        if (error == Errno.None)
        {
            error = kernel.Security.PtraceTraceme(parent, task);
        }

        if (error != Errno.None)
        {
            return error;
        }

        Link(kernel, task, parent, task.Cred, 0);
        return Errno.None;
    }

    /// <summary>
    /// ptrace_check_attach, which every request but attach, seize and traceme makes: ESRCH unless
    /// <paramref name="tracer"/> traces <paramref name="target"/> and the target can be stopped (not a zombie).
    /// </summary>
    public static Errno CheckAttached(Task tracer, Task target) =>
        target.Tracer == tracer && target.IsAlive ? Errno.None : Errno.ESRCH;

    /// <summary>PTRACE_DETACH with no signal to deliver: ESRCH unless attached (<see cref="CheckAttached"/>).</summary>
    public static Errno Detach(KernelState kernel, Task tracer, Task target)
    {
        var error = CheckAttached(tracer, target);
        if (error == Errno.None)
        {
            Unlink(kernel, target);
        }

        return error;
    }

    /// <summary>
    /// exit_ptrace: a tracer that exits detaches every tracee; tracees it seized with
    /// PTRACE_O_EXITKILL get SIGKILL.
    /// </summary>
    public static void ExitPtrace(KernelState kernel, Task tracer)
    {
        foreach (var tracee in kernel.Tasks.Where(t => t.Tracer == tracer).ToList())
        {
            var exitKill = (tracee.PtraceOptions & PtraceRequests.OptionExitKill) != 0;
            Unlink(kernel, tracee);
            if (exitKill)
            {
                SignalDelivery.Deliver(kernel, tracee, Signals.Kill);
            }
        }
    }

    /// <summary>
    /// ptrace_init_task: a child of a traced parent is traced by the same tracer, with the same
    /// options and attaching credentials, when the clone asks (CLONE_PTRACE) or the tracer enabled
    /// the event (PTRACE_O_TRACEVFORK for vfork, TRACECLONE for an exit signal other than SIGCHLD,
    /// TRACEFORK otherwise), unless CLONE_UNTRACED. No permission is checked again.
    /// </summary>
    public static void InitChild(KernelState kernel, Task parent, Task child, long flags, int exitSignal)
    {
        if (parent.Tracer is not { } tracer)
        {
            return;
        }

        var eventOption = (flags & CloneFlags.Vfork) != 0 ? PtraceRequests.OptionTraceVfork
            : exitSignal != Signals.Chld ? PtraceRequests.OptionTraceClone
            : PtraceRequests.OptionTraceFork;
        var traced = (flags & CloneFlags.Untraced) == 0 && (parent.PtraceOptions & eventOption) != 0;
        if (traced || (flags & CloneFlags.Ptrace) != 0)
        {
            Link(kernel, child, tracer, parent.PtracerCred!, parent.PtraceOptions);
        }
    }

    private static void Link(KernelState kernel, Task tracee, Task tracer, Cred attachCred, long options)
    {
        tracee.Tracer = tracer;
        tracee.PtracerCred = attachCred;
        tracee.PtraceOptions = options;
        kernel.RecordChannel(ChannelKind.Ptrace, tracer, tracee, "ptrace");
    }

    // __ptrace_unlink, then __ptrace_detach's notification: a traced zombie whose parent ignores
    // SIGCHLD is reaped as soon as nothing traces it.
    private static void Unlink(KernelState kernel, Task tracee)
    {
        tracee.Tracer = null;
        tracee.PtracerCred = null;
        tracee.PtraceOptions = 0;
        if (tracee.IsZombie && TaskLifecycle.IgnoresChildren(tracee.Parent))
        {
            TaskLifecycle.Release(kernel, tracee);
        }
    }
}
