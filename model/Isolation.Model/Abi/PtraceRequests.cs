namespace Isolation.Model.Abi;

/// <summary>ptrace(2) requests and PTRACE_O_* options as x86-64 Linux numbers them.</summary>
/// <remarks>include/uapi/linux/ptrace.h, arch/x86/include/uapi/asm/ptrace-abi.h (6.12).</remarks>
public static class PtraceRequests
{
    /// <summary>PTRACE_TRACEME</summary>
    public const long Traceme = 0;
    /// <summary>PTRACE_ATTACH</summary>
    public const long Attach = 16;
    /// <summary>PTRACE_DETACH</summary>
    public const long Detach = 17;
    /// <summary>PTRACE_SEIZE</summary>
    public const long Seize = 0x4206;

    /// <summary>PTRACE_O_TRACEFORK: children made by fork are traced too.</summary>
    public const long OptionTraceFork = 1 << 1;
    /// <summary>PTRACE_O_TRACEVFORK: children made by vfork are traced too.</summary>
    public const long OptionTraceVfork = 1 << 2;
    /// <summary>PTRACE_O_TRACECLONE: children made by clone are traced too.</summary>
    public const long OptionTraceClone = 1 << 3;
    /// <summary>PTRACE_O_EXITKILL: the tracee gets SIGKILL when the tracer exits.</summary>
    public const long OptionExitKill = 1 << 20;
    /// <summary>PTRACE_O_SUSPEND_SECCOMP</summary>
    public const long OptionSuspendSeccomp = 1 << 21;
    /// <summary>PTRACE_O_MASK: every valid option.</summary>
    public const long OptionMask = 0xff | OptionExitKill | OptionSuspendSeccomp;

    /// <summary>The request names strace prints (the requests the model implements, and the others it recognises).</summary>
    public static readonly SymbolTable Table = new(
        "ptrace request",
        ("PTRACE_TRACEME", Traceme), ("PTRACE_PEEKTEXT", 1), ("PTRACE_PEEKDATA", 2), ("PTRACE_PEEKUSER", 3),
        ("PTRACE_POKETEXT", 4), ("PTRACE_POKEDATA", 5), ("PTRACE_POKEUSER", 6), ("PTRACE_CONT", 7),
        ("PTRACE_KILL", 8), ("PTRACE_SINGLESTEP", 9), ("PTRACE_GETREGS", 12), ("PTRACE_SETREGS", 13),
        ("PTRACE_ATTACH", Attach), ("PTRACE_DETACH", Detach), ("PTRACE_SYSCALL", 24),
        ("PTRACE_SETOPTIONS", 0x4200), ("PTRACE_GETEVENTMSG", 0x4201), ("PTRACE_GETSIGINFO", 0x4202),
        ("PTRACE_SETSIGINFO", 0x4203), ("PTRACE_GETREGSET", 0x4204), ("PTRACE_SETREGSET", 0x4205),
        ("PTRACE_SEIZE", Seize), ("PTRACE_INTERRUPT", 0x4207), ("PTRACE_LISTEN", 0x4208));

    /// <summary>The PTRACE_O_* names strace prints in PTRACE_SEIZE's data argument.</summary>
    public static readonly SymbolTable Options = new(
        "ptrace option",
        ("PTRACE_O_TRACESYSGOOD", 1), ("PTRACE_O_TRACEFORK", OptionTraceFork), ("PTRACE_O_TRACEVFORK", OptionTraceVfork),
        ("PTRACE_O_TRACECLONE", OptionTraceClone), ("PTRACE_O_TRACEEXEC", 1 << 4), ("PTRACE_O_TRACEVFORKDONE", 1 << 5),
        ("PTRACE_O_TRACEEXIT", 1 << 6), ("PTRACE_O_TRACESECCOMP", 1 << 7), ("PTRACE_O_EXITKILL", OptionExitKill),
        ("PTRACE_O_SUSPEND_SECCOMP", OptionSuspendSeccomp));
}
