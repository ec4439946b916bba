using System.Collections.Immutable;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// One layer of a domain: the ruleset a landlock_restrict_self call enforced, frozen at that moment,
/// and the node of the domain hierarchy that call made. Identity matters: two layers are the same
/// hierarchy node only if they are the same object, as <c>struct landlock_hierarchy</c> pointers are.
/// </summary>
/// <remarks>security/landlock/ruleset.c landlock_merge_ruleset, merge_ruleset, inherit_ruleset (6.12).</remarks>
public sealed class LandlockLayer
{
    /// <summary>Freezes <paramref name="ruleset"/> as a new layer.</summary>
    public LandlockLayer(LandlockRuleset ruleset)
    {
        HandledFs = ruleset.HandledFs;
        HandledNet = ruleset.HandledNet;
        Scoped = ruleset.Scoped;
        PortRules = ruleset.PortRules.ToImmutableDictionary();
    }

    /// <summary>The file system access rights this layer handles.</summary>
    public ulong HandledFs { get; }

    /// <summary>The network access rights this layer handles (LANDLOCK_ACCESS_NET_*).</summary>
    public ulong HandledNet { get; }

    /// <summary>The scopes of this layer (LANDLOCK_SCOPE_*).</summary>
    public ulong Scoped { get; }

    /// <summary>The allowed network access rights per TCP port.</summary>
    public ImmutableDictionary<int, ulong> PortRules { get; }

    /// <summary>
    /// Whether this layer lets <paramref name="access"/> (one LANDLOCK_ACCESS_NET_* right) through
    /// <paramref name="port"/>: it does not handle the right, or a rule for the port allows it.
    /// </summary>
    public bool AllowsNet(ulong access, int port) =>
        (HandledNet & access) == 0 || (PortRules.TryGetValue(port, out var allowed) && (allowed & access) == access);
}
