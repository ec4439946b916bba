using System.Collections.Immutable;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Channels;
using Isolation.Properties.Kinds;

namespace Isolation.Properties.Designs.RlimitNetwork;

/// <summary>
/// The claims the three "network off" postings of seed 004 share (RLIMIT_NETWORK, PR_SET_NETWORK
/// v2 and its LSM v3), built for one posting from its restriction and its ptrace rule.
/// </summary>
/// <remarks>Seed 004_395e695cd1b36f96.txt; each property's quote names the message it comes from.</remarks>
public static class NetworkOffClaims
{
    /// <summary>The seed every claim comes from.</summary>
    public const string Source = "seeds/004_395e695cd1b36f96.txt";

    /// <summary>The sentence of every commit message and Documentation file of the series.</summary>
    public const string Purpose =
        "\"irrevocably remove their ability to create, bind, connect to, or send messages except in the case of previously connected sockets or AF_UNIX filesystem sockets\"";

    /// <summary>Stone's point 8 (2009-12-18).</summary>
    public const string Point8 =
        "Stone, 2009-12-18, point 8: \"Anything that has to pass a regular Unix uid/gid/world discretionary access check *and* which the partner principal(s) have the opportunity to turn down is sufficiently access controlled. Everything else is not.\" (signals named as a gap by Denis-Courmont and Seaborn)";

    /// <summary>
    /// no-network-channel (the posting's claim with its ptrace sentence), sufficiently-controlled
    /// (Stone's point 8), irrevocable (over <paramref name="irrevocable"/>) and inherited.
    /// </summary>
    public static ImmutableArray<Property> Create(
        string design,
        Restriction networkOff,
        Restriction irrevocable,
        Func<KernelState, Channel, bool> ptraceAllowed,
        string ptraceQuote,
        string irrevocableQuote,
        string inheritedQuote) =>
    [
        NoNewChannelProperty.Create(design, "no-network-channel", networkOff, ChannelClasses.NetworkOffClaim(ptraceAllowed), Source, Purpose + "; " + ptraceQuote),
        NoNewChannelProperty.Create(design, "sufficiently-controlled", networkOff, ChannelClasses.SufficientlyControlled(ptraceAllowed), Source, Point8),
        IrrevocableProperty.Create(design, irrevocable, Source, irrevocableQuote),
        InheritedProperty.Create(design, networkOff, Source, inheritedQuote),
    ];
}
