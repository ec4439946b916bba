using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Lsm;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// The socket-table module: one <see cref="SocketFilterTable"/> per network namespace, the
/// <c>network_id</c> controller, the <c>/proc/net/socket_table</c> file, and the places where socket
/// calls are fed through the table (Net.cs). A netfilter table is not an LSM; the model runs it
/// from the socket hooks, whose call sites are where the proposal would call it.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, Menage's proposal and his answer on sendto/recvfrom.</remarks>
public sealed partial class SocketTableModule : SecurityModule
{
    private readonly Dictionary<NetNamespace, SocketFilterTable> _tables = [];

    /// <inheritdoc/>
    public override string Name => SocketTableDesign.Name;

    /// <summary>The <c>network_id</c> controller.</summary>
    public NetworkIdSubsystem Subsystem { get; } = new();

    /// <inheritdoc/>
    public override void Register(HookTable hooks) => AddNetHooks(hooks);

    /// <summary>Binds the <c>network_id</c> controller to the hierarchy and adds <c>/proc/net/socket_table</c>.</summary>
    public override void Init(KernelState kernel)
    {
        kernel.Cgroups.AddSubsystem(kernel, Subsystem);
        kernel.Fs.ProcNet.Add(SocketTableFile.Name, netNs => new SocketTableFile(netNs, TableOf(netNs)));
    }

    /// <summary>The table of <paramref name="netNs"/>; a namespace starts with an empty table, every policy ACCEPT.</summary>
    public SocketFilterTable TableOf(NetNamespace netNs)
    {
        if (!_tables.TryGetValue(netNs, out var table))
        {
            table = new SocketFilterTable();
            _tables.Add(netNs, table);
        }

        return table;
    }
}
