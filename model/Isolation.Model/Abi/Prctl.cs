namespace Isolation.Model.Abi;

/// <summary>prctl(2) options and the named values of their arguments, as Linux numbers them.</summary>
/// <remarks>include/uapi/linux/prctl.h, include/uapi/linux/securebits.h, include/linux/sched/coredump.h (6.12).</remarks>
public static class Prctl
{
    /// <summary>PR_SET_PDEATHSIG</summary>
    public const int SetPdeathsig = 1;
    /// <summary>PR_GET_DUMPABLE</summary>
    public const int GetDumpable = 3;
    /// <summary>PR_SET_DUMPABLE</summary>
    public const int SetDumpable = 4;
    /// <summary>PR_GET_KEEPCAPS</summary>
    public const int GetKeepcaps = 7;
    /// <summary>PR_SET_KEEPCAPS</summary>
    public const int SetKeepcaps = 8;
    /// <summary>PR_CAPBSET_READ</summary>
    public const int CapbsetRead = 23;
    /// <summary>PR_CAPBSET_DROP</summary>
    public const int CapbsetDrop = 24;
    /// <summary>PR_GET_SECUREBITS</summary>
    public const int GetSecurebits = 27;
    /// <summary>PR_SET_SECUREBITS</summary>
    public const int SetSecurebits = 28;
    /// <summary>PR_SET_NO_NEW_PRIVS</summary>
    public const int SetNoNewPrivs = 38;
    /// <summary>PR_GET_NO_NEW_PRIVS</summary>
    public const int GetNoNewPrivs = 39;
    /// <summary>PR_CAP_AMBIENT</summary>
    public const int CapAmbient = 47;

    /// <summary>PR_CAP_AMBIENT_IS_SET</summary>
    public const long AmbientIsSet = 1;
    /// <summary>PR_CAP_AMBIENT_RAISE</summary>
    public const long AmbientRaise = 2;
    /// <summary>PR_CAP_AMBIENT_LOWER</summary>
    public const long AmbientLower = 3;
    /// <summary>PR_CAP_AMBIENT_CLEAR_ALL</summary>
    public const long AmbientClearAll = 4;

    /// <summary>SUID_DUMP_DISABLE: not dumpable (and not ptrace-attachable without CAP_SYS_PTRACE).</summary>
    public const int SuidDumpDisable = 0;
    /// <summary>SUID_DUMP_USER: dumpable, the default.</summary>
    public const int SuidDumpUser = 1;

    /// <summary>
    /// Every option name Linux 6.12 defines, and the seed designs' (<see cref="SeedConstants"/>).
    /// The model implements the ones with a constant above; a call with any other Linux option is
    /// a scenario the model cannot answer, and a number Linux does not define is EINVAL (a seed
    /// design's too, unless its module is loaded and answers it).
    /// </summary>
    public static readonly SymbolTable Options = new(
        "prctl option",
        [
            ("PR_SET_PDEATHSIG", 1), ("PR_GET_PDEATHSIG", 2), ("PR_GET_DUMPABLE", 3), ("PR_SET_DUMPABLE", 4),
            ("PR_GET_UNALIGN", 5), ("PR_SET_UNALIGN", 6), ("PR_GET_KEEPCAPS", 7), ("PR_SET_KEEPCAPS", 8),
            ("PR_GET_FPEMU", 9), ("PR_SET_FPEMU", 10), ("PR_GET_FPEXC", 11), ("PR_SET_FPEXC", 12),
            ("PR_GET_TIMING", 13), ("PR_SET_TIMING", 14), ("PR_SET_NAME", 15), ("PR_GET_NAME", 16),
            ("PR_GET_ENDIAN", 19), ("PR_SET_ENDIAN", 20), ("PR_GET_SECCOMP", 21), ("PR_SET_SECCOMP", 22),
            ("PR_CAPBSET_READ", 23), ("PR_CAPBSET_DROP", 24), ("PR_GET_TSC", 25), ("PR_SET_TSC", 26),
            ("PR_GET_SECUREBITS", 27), ("PR_SET_SECUREBITS", 28), ("PR_SET_TIMERSLACK", 29), ("PR_GET_TIMERSLACK", 30),
            ("PR_TASK_PERF_EVENTS_DISABLE", 31), ("PR_TASK_PERF_EVENTS_ENABLE", 32), ("PR_MCE_KILL", 33),
            ("PR_MCE_KILL_GET", 34), ("PR_SET_MM", 35), ("PR_SET_PTRACER", 0x59616d61), ("PR_SET_CHILD_SUBREAPER", 36),
            ("PR_GET_CHILD_SUBREAPER", 37), ("PR_SET_NO_NEW_PRIVS", 38), ("PR_GET_NO_NEW_PRIVS", 39),
            ("PR_GET_TID_ADDRESS", 40), ("PR_SET_THP_DISABLE", 41), ("PR_GET_THP_DISABLE", 42),
            ("PR_MPX_ENABLE_MANAGEMENT", 43), ("PR_MPX_DISABLE_MANAGEMENT", 44), ("PR_SET_FP_MODE", 45),
            ("PR_GET_FP_MODE", 46), ("PR_CAP_AMBIENT", 47), ("PR_SVE_SET_VL", 50), ("PR_SVE_GET_VL", 51),
            ("PR_GET_SPECULATION_CTRL", 52), ("PR_SET_SPECULATION_CTRL", 53), ("PR_PAC_RESET_KEYS", 54),
            ("PR_SET_TAGGED_ADDR_CTRL", 55), ("PR_GET_TAGGED_ADDR_CTRL", 56), ("PR_SET_IO_FLUSHER", 57),
            ("PR_GET_IO_FLUSHER", 58), ("PR_SET_SYSCALL_USER_DISPATCH", 59), ("PR_PAC_SET_ENABLED_KEYS", 60),
            ("PR_PAC_GET_ENABLED_KEYS", 61), ("PR_SCHED_CORE", 62), ("PR_SME_SET_VL", 63), ("PR_SME_GET_VL", 64),
            ("PR_SET_MDWE", 65), ("PR_GET_MDWE", 66), ("PR_SET_VMA", 0x53564d41), ("PR_GET_AUXV", 0x41555856),
            ("PR_SET_MEMORY_MERGE", 67), ("PR_GET_MEMORY_MERGE", 68), ("PR_RISCV_V_SET_CONTROL", 69),
            ("PR_RISCV_V_GET_CONTROL", 70), ("PR_RISCV_SET_ICACHE_FLUSH_CTX", 71), ("PR_PPC_GET_DEXCR", 72),
            ("PR_PPC_SET_DEXCR", 73),
            .. SeedConstants.PrctlOptions,
        ]);

    /// <summary>
    /// The named values strace prints in prctl's second to fifth arguments: dump modes, ambient
    /// operations, securebits, capabilities and signals. A design that adds a prctl adds its names here.
    /// </summary>
    public static readonly SymbolTable Arguments = new(
        "prctl argument",
        [
            ("SUID_DUMP_DISABLE", SuidDumpDisable), ("SUID_DUMP_USER", SuidDumpUser), ("SUID_DUMP_ROOT", 2),
            ("PR_CAP_AMBIENT_IS_SET", AmbientIsSet), ("PR_CAP_AMBIENT_RAISE", AmbientRaise),
            ("PR_CAP_AMBIENT_LOWER", AmbientLower), ("PR_CAP_AMBIENT_CLEAR_ALL", AmbientClearAll),
            .. Securebits.Names,
            .. CapabilityNames.Names,
            .. Signals.Names,
            .. SeedConstants.PrctlArguments,
        ]);
}
