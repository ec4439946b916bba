using Isolation.Model.Abi;
using Isolation.Model.Kernel.Channels;
using Isolation.Model.Kernel.Creds;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Tasks;

/// <summary>
/// Sending signals: the permission check of kill(2) and friends, and what a signal does. The
/// model's processes run no handlers: a signal is either ignored (SIG_IGN, or a default action of
/// ignore) or takes its default action at once.
/// </summary>
/// <remarks>kernel/signal.c check_kill_permission, kill_ok_by_cred, prepare_signal, sig_ignored, complete_signal (6.12).</remarks>
public static class SignalDelivery
{
    /// <summary>valid_signal: 0 (existence check) to 64.</summary>
    public static bool IsValid(long sig) => sig >= 0 && sig <= Signals.Max;

    /// <summary>The default action of <paramref name="sig"/> (1 to 64).</summary>
    public static SignalAction DefaultAction(int sig) => sig switch
    {
        Signals.Chld or 23 or 28 => SignalAction.Ignore, // SIGCHLD, SIGURG, SIGWINCH
        Signals.Cont => SignalAction.Continue,
        Signals.Stop or 20 or 21 or 22 => SignalAction.Stop, // SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU
        _ => SignalAction.Terminate,
    };

    /// <summary>
    /// check_kill_permission: EINVAL for an invalid signal; a task may signal itself; otherwise the
    /// sender's euid or uid must equal the target's uid or saved uid, or the sender needs CAP_KILL
    /// over the target's namespace, except SIGCONT within the session (every scenario process
    /// shares one); then the task_kill hook.
    /// </summary>
    public static Errno CheckKillPermission(KernelState kernel, Task sender, Task target, long sig)
    {
        if (!IsValid(sig))
        {
            return Errno.EINVAL;
        }

        if (sender != target && !KillOkByCred(kernel, sender, target) && sig != Signals.Cont)
        {
            return Errno.EPERM;
        }

        return kernel.Security.TaskKill(sender, target, (int)sig);
    }

    /// <summary>
    /// A signal from <paramref name="sender"/> (kill, tkill, tgkill, a parent-death signal): the
    /// permission check, then, for a signal other than 0, delivery, recorded as a channel when the
    /// target is alive to get it. The caller has found the target (ESRCH for a reaped one is the caller's).
    /// </summary>
    public static Errno Send(KernelState kernel, Task sender, Task target, long sig)
    {
        var error = CheckKillPermission(kernel, sender, target, sig);
        if (error == Errno.None && sig != 0)
        {
            if (target.IsAlive)
            {
                kernel.RecordChannel(ChannelKind.Signal, sender, target, Signals.Table.NameOf(sig) ?? sig.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Deliver(kernel, target, (int)sig);
        }

        return error;
    }

    /// <summary>
    /// What the signal does, with no permission check (the kernel's own signals go straight here).
    /// A zombie drops it. SIGKILL kills; SIGCONT resumes a stopped task (even when SIG_IGN), which
    /// then dies of any fatal signal that waited; an ignored signal does nothing; a stop signal
    /// stops; a fatal one kills, or waits while the task is stopped.
    /// </summary>
    public static void Deliver(KernelState kernel, Task target, int sig)
    {
        if (!target.IsAlive)
        {
            return;
        }

        if (sig == Signals.Kill)
        {
            TaskLifecycle.Exit(kernel, target, 0, sig);
            return;
        }

        if (sig == Signals.Cont && target.Stopped)
        {
            target.Stopped = false;
            if (target.PendingSignals.Count > 0)
            {
                TaskLifecycle.Exit(kernel, target, 0, target.PendingSignals.Min);
                return;
            }
        }

        if (target.IgnoredSignals.Contains(sig))
        {
            return;
        }

        switch (DefaultAction(sig))
        {
            case SignalAction.Stop:
                target.Stopped = true;
                break;
            case SignalAction.Terminate when target.Stopped:
                target.PendingSignals.Add(sig);
                break;
            case SignalAction.Terminate:
                TaskLifecycle.Exit(kernel, target, 0, sig);
                break;
        }
    }

    // kill_ok_by_cred.
    private static bool KillOkByCred(KernelState kernel, Task sender, Task target)
    {
        var cred = sender.Cred;
        var tcred = target.Cred;
        return cred.Euid == tcred.Suid || cred.Euid == tcred.Uid || cred.Uid == tcred.Suid || cred.Uid == tcred.Uid ||
               Capabilities.NsCapable(kernel, sender, tcred.UserNs, Capability.Kill);
    }
}
