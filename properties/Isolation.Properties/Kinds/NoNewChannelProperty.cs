using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Channels;
using Isolation.Model.Kernel.Tasks;
using Isolation.Sim.Simulation;

namespace Isolation.Properties.Kinds;

/// <summary>
/// A restricted task opens no new channel except the kinds its design exempts: every channel
/// recorded during a step whose sender was restricted before the step, and already when it sent
/// the data (a datagram queued before the restriction and read after it is no new channel), must be exempt.
/// </summary>
public static class NoNewChannelProperty
{
    /// <summary>Makes the property; <paramref name="exempt"/> says which channels the design's author allowed.</summary>
    public static Property Create(string design, string claim, Restriction restriction, Func<KernelState, Channel, bool> exempt, string source, string quote) =>
        new($"{design}/{claim}", design, source, quote, () => new Monitor(restriction, exempt));

    private sealed class Monitor(Restriction restriction, Func<KernelState, Channel, bool> exempt) : RestrictionMonitor(restriction)
    {
        private int _seen;

        protected override string? Check(KernelState kernel, Step step, IReadOnlySet<Task> before, IReadOnlySet<Task> after)
        {
            var fresh = kernel.Channels.Skip(_seen).ToList();
            _seen = kernel.Channels.Count;
            var bad = fresh.FirstOrDefault(c => before.Contains(c.From) && WasRestrictedAt(c.From, c.SentAt) && !exempt(kernel, c));
            return bad is null ? null : $"{Restriction.Name} {bad.From.Name} reached {bad.To.Name} by {bad.Kind} via {bad.Via}";
        }
    }
}
