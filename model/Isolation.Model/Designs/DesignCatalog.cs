using System.Collections.Frozen;
using System.Collections.Immutable;
using Isolation.Model.Designs.Baseline;
using Isolation.Model.Lsm;

namespace Isolation.Model.Designs;

/// <summary>
/// Every design the model knows, by name, in one table; and the composition of designs
/// (<c>netns+landlock</c>) into a stack of modules.
/// </summary>
public static class DesignCatalog
{
    /// <summary>The designs in the order <c>isolation designs</c> lists them.</summary>
    public static ImmutableArray<Design> All { get; } =
    [
        BaselineDesign.Design,
        Netns.NetnsDesign.Design,
        Bsdjail.BsdjailDesign.Design,
        TaskLookup.TaskLookupDesign.Design,
        NetContainer.NetContainerDesign.Design,
        NetContainer.NetContainerDesign.CanAttachDesign,
        SocketTable.SocketTableDesign.Design,
        RlimitNetwork.RlimitNetworkDesign.Design,
        PrctlNetwork.PrctlNetworkDesign.Design,
        PrctlNetworkLsm.PrctlNetworkLsmDesign.Design,
        PrctlNetworkLsm.PrctlNetworkLsmFixedDesign.Design,
        NosuidUnshare.NosuidUnshareDesign.Design,
        Landlock.LandlockDesign.Design,
        Landlock.Landlock618Design.Design,
    ];

    private static readonly FrozenDictionary<string, Design> ByName = All.ToFrozenDictionary(d => d.Name);

    /// <summary>The design called <paramref name="name"/>, or null.</summary>
    public static Design? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Resolves <c>a+b+…</c> to designs in stacking order; <c>baseline</c> adds no module. Returns
    /// the unknown name as the error when there is one.
    /// </summary>
    public static (ImmutableArray<Design> Designs, string? UnknownName) Resolve(string spec)
    {
        var designs = ImmutableArray.CreateBuilder<Design>();
        foreach (var part in spec.Split('+'))
        {
            var design = Find(part.Trim());
            if (design is null)
            {
                return ([], part.Trim());
            }

            designs.Add(design);
        }

        return (designs.ToImmutable(), null);
    }

    /// <summary>Fresh modules for one kernel, in stacking order.</summary>
    public static ImmutableArray<SecurityModule> CreateModules(IEnumerable<Design> designs) =>
        [.. designs.Where(d => d.CreateModule is not null).Select(d => d.CreateModule!())];
}
