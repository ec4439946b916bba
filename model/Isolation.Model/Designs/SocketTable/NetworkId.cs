using Isolation.Model.Kernel.Cgroups;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>The <c>network_id</c> state of one cgroup: "a simple state object with a single uniquely-generated integer network_id".</summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, Menage's proposal point 2.</remarks>
public sealed class NetworkId : CgroupSubsysState
{
    /// <summary>Makes the state with <paramref name="id"/>.</summary>
    public NetworkId(long id) => Id = id;

    /// <summary>The cgroup's network_id.</summary>
    public long Id { get; }
}
