using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;

namespace Isolation.Model.Kernel.Netns;

/// <summary>
/// A network device in one namespace: the loopback device or one end of a veth pair, with its
/// administrative state and its addresses.
/// </summary>
/// <remarks>include/linux/netdevice.h; drivers/net/loopback.c; drivers/net/veth.c (6.12).</remarks>
public sealed class NetDevice
{
    private readonly List<(IpAddr Address, int PrefixLength)> _addresses = [];

    /// <summary>Creates a device; <paramref name="baseFlags"/> are the IFF_* bits it always has (IFF_LOOPBACK, IFF_BROADCAST…).</summary>
    internal NetDevice(NetNamespace ns, string name, int index, int baseFlags)
    {
        Namespace = ns;
        Name = name;
        Index = index;
        BaseFlags = baseFlags;
    }

    /// <summary>The namespace the device is in.</summary>
    public NetNamespace Namespace { get; }

    /// <summary>The interface name (<c>lo</c>, <c>veth0</c>).</summary>
    public string Name { get; }

    /// <summary>The interface index within its namespace (lo is 1).</summary>
    public int Index { get; }

    /// <summary>The IFF_* bits that do not change with state.</summary>
    public int BaseFlags { get; }

    /// <summary>Whether the device is administratively up (IFF_UP).</summary>
    public bool IsUp { get; internal set; }

    /// <summary>The other end of a veth pair, or null for loopback.</summary>
    public NetDevice? Peer { get; internal set; }

    /// <summary>Whether this is the loopback device.</summary>
    public bool IsLoopback => (BaseFlags & NetDeviceAbi.IffLoopback) != 0;

    /// <summary>Whether the device can carry traffic: up, and for veth, its peer up too (carrier).</summary>
    public bool IsRunning => IsUp && (Peer is null || Peer.IsUp);

    /// <summary>The addresses configured on the device, with prefix lengths.</summary>
    public IReadOnlyList<(IpAddr Address, int PrefixLength)> Addresses => _addresses;

    /// <summary>
    /// The 16 bits SIOCGIFFLAGS returns: the fixed bits, IFF_UP, and IFF_RUNNING while there is
    /// carrier (dev_get_flags truncated to ifr_flags' short).
    /// </summary>
    public int Flags => (BaseFlags | (IsUp ? NetDeviceAbi.IffUp : 0) | (IsRunning ? NetDeviceAbi.IffRunning : 0)) & 0xffff;

    /// <summary>Adds an address (no duplicate check: the setups add each once).</summary>
    internal void AddAddress(IpAddr address, int prefixLength) => _addresses.Add((address, prefixLength));

    /// <summary>Removes every address of one family.</summary>
    internal void RemoveAddresses(bool v6) => _addresses.RemoveAll(a => a.Address.IsV6 == v6);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
