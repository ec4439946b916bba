namespace Isolation.Model.Abi;

/// <summary>Resource limit numbers (RLIMIT_*) as Linux numbers them.</summary>
/// <remarks>include/uapi/asm-generic/resource.h (6.12).</remarks>
public static class Rlimits
{
    /// <summary>RLIMIT_NOFILE</summary>
    public const int NoFile = 7;
    /// <summary>RLIMIT_NICE: the lowest nice value allowed, as 20 - nice.</summary>
    public const int Nice = 13;
    /// <summary>RLIMIT_RTPRIO</summary>
    public const int RtPrio = 14;
    /// <summary>RLIM_NLIMITS: resources are numbered below this.</summary>
    public const int Count = 16;
    /// <summary>RLIM_INFINITY (and RLIM64_INFINITY): no limit.</summary>
    public const ulong Infinity = ulong.MaxValue;
    /// <summary>fs.nr_open's default: RLIMIT_NOFILE's hard limit cannot exceed it.</summary>
    public const ulong NrOpen = 1024 * 1024;

    /// <summary>The RLIMIT_* names strace prints.</summary>
    public static readonly SymbolTable Table = new(
        "resource",
        [
            ("RLIMIT_CPU", 0), ("RLIMIT_FSIZE", 1), ("RLIMIT_DATA", 2), ("RLIMIT_STACK", 3), ("RLIMIT_CORE", 4),
            ("RLIMIT_RSS", 5), ("RLIMIT_NPROC", 6), ("RLIMIT_NOFILE", NoFile), ("RLIMIT_MEMLOCK", 8), ("RLIMIT_AS", 9),
            ("RLIMIT_LOCKS", 10), ("RLIMIT_SIGPENDING", 11), ("RLIMIT_MSGQUEUE", 12), ("RLIMIT_NICE", Nice),
            ("RLIMIT_RTPRIO", RtPrio), ("RLIMIT_RTTIME", 15),
            .. SeedConstants.RlimitNames,
        ]);
}
