using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Channels;
using Isolation.Sim.Simulation;

namespace Isolation.Properties.Designs.Netns;

/// <summary>
/// A claim about channels that join two network namespaces: every new channel whose ends are in
/// different namespaces (at the step that made it) must be one the claim allows.
/// </summary>
public static class CrossNamespaceChannelProperty
{
    /// <summary>Makes the property <c>netns/&lt;claim&gt;</c>; <paramref name="allowed"/> says which crossing channels the claim admits.</summary>
    public static Property Create(string claim, Func<Channel, bool> allowed, string source, string quote) =>
        new($"{Model.Designs.Netns.NetnsDesign.Name}/{claim}", Model.Designs.Netns.NetnsDesign.Name, source, quote, () => new Monitor(allowed));

    private sealed class Monitor(Func<Channel, bool> allowed) : PropertyMonitor
    {
        private int _seen;

        public override string? OnStep(KernelState kernel, int index, Step step)
        {
            var fresh = kernel.Channels.Skip(_seen).ToList();
            _seen = kernel.Channels.Count;
            var bad = fresh.FirstOrDefault(c => c.From.NetNs != c.To.NetNs && !allowed(c));
            return bad is null ? null : $"{bad.From.Name} (netns {bad.From.NetNs.Id}) reached {bad.To.Name} (netns {bad.To.NetNs.Id}) by {bad.Kind} via {bad.Via}";
        }
    }
}
