using Isolation.Model.Rules;

namespace Isolation.Model.Designs.RlimitNetwork;

/// <summary>
/// <c>rlimit-network</c>: RLIMIT_NETWORK, whose soft limit 0 forbids new non-AF_UNIX sockets,
/// bind and connect to non-AF_UNIX addresses, addressed sends on them, abstract unix names, and
/// ptrace, with the checks written inline in net/socket.c, net/unix/af_unix.c and kernel/ptrace.c.
/// </summary>
/// <remarks>
/// Michael Stone, "[PATCH] Security: Implement RLIMIT_NETWORK." and "[PATCH] Security: Document
/// RLIMIT_NETWORK.", 2009-12-13, seed 004_395e695cd1b36f96.txt; porting notes in README.md.
/// </remarks>
public static class RlimitNetworkDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "rlimit-network";

    /// <summary>The seed file the design is taken from.</summary>
    public const string Source = "seeds/004_395e695cd1b36f96.txt";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "RLIMIT_NETWORK: soft limit 0 forbids new non-AF_UNIX sockets, bind/connect/addressed sends, abstract unix names and ptrace",
        Source,
        () => new RlimitNetworkModule())
    {
        Entry =
        [
            EntryMove.Single("network-off", "setrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=0})"),
        ],
        Rules =
        [
            .. NetworkOffInline.Rules,
            new("ptrace_may_access_inline", NetworkOffRules.PtraceRlimit),
        ],
    };
}
