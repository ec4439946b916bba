namespace Isolation.Model.Designs.Netns;

/// <summary>
/// Full network namespaces (Savochkin's concept 1, Biederman's CLONE_NEWNET): per-namespace
/// devices, addresses, routes, socket tables and abstract unix names, and a pass-through (veth)
/// device to the parent. Linux implements them in the core, not as a security module, so the
/// model does too (Kernel/Netns, unshare and clone with CLONE_NEWNET): the design is the empty
/// module stack, and what it adds to <c>baseline</c> is its claims.
/// </summary>
/// <remarks>Seeds 000_b30739e92565e0a7.txt and 003_d7bf0fbfcfcc4031.txt ("[RFC] network namespaces",
/// concept 1), 004_395e695cd1b36f96.txt (Biederman on RLIMIT_NETWORK); net/core/net_namespace.c (6.12).</remarks>
public static class NetnsDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "netns";

    /// <summary>The seed the design follows.</summary>
    public const string Source = "seeds/003_d7bf0fbfcfcc4031.txt";

    /// <summary>The catalog entry: no module, like baseline.</summary>
    public static Design Design { get; } = new(
        Name,
        "Full network namespaces: per-namespace devices, addresses, routes, sockets and abstract names, veth to the parent (in the kernel core, no module)",
        Source,
        null)
    {
        Entry =
        [
            EntryMove.Single("new-netns", "unshare(CLONE_NEWNET)"),
            EntryMove.Single("new-userns-netns", "unshare(CLONE_NEWUSER|CLONE_NEWNET)"),
        ],
    };
}
