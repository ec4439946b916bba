using System.Collections.Immutable;
using Isolation.Model.Kernel.Channels;
using Isolation.Properties.Kinds;

namespace Isolation.Properties.Designs.Netns;

/// <summary>The claims made for full network namespaces (Savochkin's concept 1, Biederman).</summary>
/// <remarks>Seeds 003_d7bf0fbfcfcc4031.txt (and 000) and 004_395e695cd1b36f96.txt.</remarks>
public static class NetnsProperties
{
    /// <summary>Savochkin's concept 1, quoted in Hallyn's reply.</summary>
    public const string Source = "seeds/003_d7bf0fbfcfcc4031.txt";

    /// <summary>The RLIMIT_NETWORK thread.</summary>
    public const string Source004 = "seeds/004_395e695cd1b36f96.txt";

    /// <summary>The design's properties.</summary>
    public static ImmutableArray<Property> All { get; } =
    [
        CrossNamespaceChannelProperty.Create("sockets-only-through-devices", c => !ChannelClasses.IsUnix(c), Source, "Savochkin: \"Non-root namespaces communicate with the outside world in two ways: by owning hardware devices, or receiving packets forwarded them by their parent namespace via pass-through device.\""),
        CrossNamespaceChannelProperty.Create("abstract-names-per-namespace", c => !ChannelClasses.IsAbstractUnix(c), Source, "Savochkin: \"complete separation of namespaces, covering device list, routing tables, netfilter tables, socket hashes, and everything else\""),
        CrossNamespaceChannelProperty.Create("loopback-per-namespace", c => !(ChannelClasses.IsInet(c) && IsLoopbackVia(c.Via)), Source, "Savochkin: \"On input path, each packet is tagged with namespace right from the place where it appears from a device\": each namespace has its own loopback"),
        CrossNamespaceChannelProperty.Create("isolated-from-parent", ChannelClasses.IsInet, Source004, "Stone, quoting James Morris: \"network namespaces could be used to implement behavior similar to the behavior this patchset is designed to implement\"; Biederman: \"there is no fundamental reason to disallow opening unix domain sockets from another network namespace\""),
    ];

    // The kernel model writes an inet channel's Via as "<address>:<port>" ("127.0.0.1:80", "[::1]:80").
    private static bool IsLoopbackVia(string via) => via.StartsWith("127.", StringComparison.Ordinal) || via.StartsWith("[::1]", StringComparison.Ordinal) || via.StartsWith("::1", StringComparison.Ordinal);
}
