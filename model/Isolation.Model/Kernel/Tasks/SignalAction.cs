namespace Isolation.Model.Kernel.Tasks;

/// <summary>What a signal does to a task whose disposition is SIG_DFL.</summary>
/// <remarks>kernel/signal.c SIG_KERNEL_*_MASK; signal(7).</remarks>
public enum SignalAction
{
    /// <summary>Terminate the process (with or without a core dump: the model does not tell them apart).</summary>
    Terminate,

    /// <summary>Nothing happens (SIGCHLD, SIGURG, SIGWINCH).</summary>
    Ignore,

    /// <summary>Stop the process until SIGCONT (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU).</summary>
    Stop,

    /// <summary>Continue a stopped process (SIGCONT), else nothing.</summary>
    Continue,
}
