using System.Collections.Immutable;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// A Landlock domain: the stack of layers a task enforced on itself and inherited, outermost first.
/// A task without a domain has none (null). Immutable: landlock_restrict_self makes a new domain
/// whose layers are the old ones plus one, so a forked child shares its parent's layers.
/// </summary>
/// <remarks>security/landlock/ruleset.h struct landlock_ruleset (as a domain), ruleset.c landlock_merge_ruleset; task.c (6.12).</remarks>
public sealed class LandlockDomain
{
    private LandlockDomain(ImmutableArray<LandlockLayer> layers) => Layers = layers;

    /// <summary>The layers, outermost (first enforced) first.</summary>
    public ImmutableArray<LandlockLayer> Layers { get; }

    /// <summary>The innermost layer: this domain's own node of the hierarchy.</summary>
    public LandlockLayer Innermost => Layers[^1];

    /// <summary>
    /// landlock_merge_ruleset: <paramref name="parent"/> (or no domain) with <paramref name="ruleset"/>
    /// stacked on top; null when the parent already has <see cref="Abi.LandlockAbi.MaxNumLayers"/> (E2BIG).
    /// </summary>
    public static LandlockDomain? Merge(LandlockDomain? parent, LandlockRuleset ruleset)
    {
        var layers = parent?.Layers ?? [];
        return layers.Length >= Abi.LandlockAbi.MaxNumLayers ? null : new LandlockDomain(layers.Add(new LandlockLayer(ruleset)));
    }

    /// <summary>
    /// landlock_get_applicable_domain: whether any layer handles one of the network rights in
    /// <paramref name="net"/> or one of the scopes in <paramref name="scope"/>.
    /// </summary>
    public bool Handles(ulong net = 0, ulong scope = 0) =>
        Layers.Any(l => (l.HandledNet & net) != 0 || (l.Scoped & scope) != 0);

    /// <summary>landlock_unmask_layers over every layer: whether each layer lets <paramref name="access"/> through <paramref name="port"/>.</summary>
    public bool AllowsNet(ulong access, int port) => Layers.All(l => l.AllowsNet(access, port));

    /// <summary>
    /// domain_is_scoped: whether this (client) domain may not reach <paramref name="server"/> for
    /// <paramref name="scope"/>. Every client layer deeper than the server's depth that is scoped
    /// refuses; at and above it, the deepest scoped client layer refuses unless the server has the
    /// same node at that depth (the server is inside that scoped domain).
    /// </summary>
    public bool IsScopedFrom(LandlockDomain? server, ulong scope)
    {
        var serverLayers = server?.Layers ?? [];
        var layer = Layers.Length - 1;
        for (; layer > serverLayers.Length - 1; layer--)
        {
            if ((Layers[layer].Scoped & scope) != 0)
            {
                return true;
            }
        }

        for (; layer >= 0; layer--)
        {
            if ((Layers[layer].Scoped & scope) != 0)
            {
                return !ReferenceEquals(serverLayers[layer], Layers[layer]);
            }
        }

        return false;
    }

    /// <summary>
    /// domain_scope_le: whether <paramref name="parent"/> is this domain or one of its ancestors
    /// (no domain is everyone's ancestor): walking this domain's hierarchy meets the parent's node.
    /// </summary>
    public bool IsWithin(LandlockDomain parent) => Layers.Any(l => ReferenceEquals(l, parent.Innermost));
}
