namespace Isolation.Model.Abi;

/// <summary>Signal numbers as x86-64 Linux numbers them.</summary>
/// <remarks>arch/x86/include/uapi/asm/signal.h (6.12).</remarks>
public static class Signals
{
    /// <summary>SIGKILL</summary>
    public const int Kill = 9;
    /// <summary>SIGUSR1</summary>
    public const int Usr1 = 10;
    /// <summary>SIGUSR2</summary>
    public const int Usr2 = 12;
    /// <summary>SIGPIPE</summary>
    public const int Pipe = 13;
    /// <summary>SIGCHLD</summary>
    public const int Chld = 17;
    /// <summary>SIGCONT</summary>
    public const int Cont = 18;
    /// <summary>SIGSTOP</summary>
    public const int Stop = 19;
    /// <summary>SIGIO</summary>
    public const int Io = 29;

    /// <summary>_NSIG: the highest signal number.</summary>
    public const int Max = 64;

    /// <summary>The names strace prints for signals, for tables that mix them with other constants (clone's exit signal).</summary>
    public static readonly (string Name, long Value)[] Names =
    [
        ("SIGHUP", 1), ("SIGINT", 2), ("SIGQUIT", 3), ("SIGILL", 4), ("SIGTRAP", 5), ("SIGABRT", 6),
        ("SIGBUS", 7), ("SIGFPE", 8), ("SIGKILL", 9), ("SIGUSR1", 10), ("SIGSEGV", 11), ("SIGUSR2", 12),
        ("SIGPIPE", 13), ("SIGALRM", 14), ("SIGTERM", 15), ("SIGSTKFLT", 16), ("SIGCHLD", 17),
        ("SIGCONT", 18), ("SIGSTOP", 19), ("SIGTSTP", 20), ("SIGTTIN", 21), ("SIGTTOU", 22),
        ("SIGURG", 23), ("SIGXCPU", 24), ("SIGXFSZ", 25), ("SIGVTALRM", 26), ("SIGPROF", 27),
        ("SIGWINCH", 28), ("SIGIO", 29), ("SIGPWR", 30), ("SIGSYS", 31), ("SIGRTMIN", 34),
        ("SIGPOLL", 29), ("SIGIOT", 6),
    ];

    /// <summary>The names strace prints for signals.</summary>
    public static readonly SymbolTable Table = new("signal", Names);

    /// <summary>The signals every scenario process starts with ignored (TRACE-FORMAT.md, "Signals").</summary>
    public static readonly int[] IgnoredAtStart = [Usr1, Usr2, Pipe];
}
