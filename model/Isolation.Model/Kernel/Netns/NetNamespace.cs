using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Sockets;

namespace Isolation.Model.Kernel.Netns;

/// <summary>
/// A network namespace: its devices (lo and veth ends) with their state and addresses, its TCP and
/// UDP port tables, and its table of abstract unix socket names.
/// </summary>
/// <remarks>
/// include/net/net_namespace.h and net/core/net_namespace.c (6.12). A fresh namespace has only
/// <c>lo</c>, down, and no IPv4 FIB tables yet (with CONFIG_IP_MULTIPLE_TABLES they are made on
/// first use), which is why binding any IPv4 address succeeds there until lo is first brought up:
/// checked on 6.18 with <c>unshare -n</c>.
/// </remarks>
public sealed class NetNamespace
{
    private readonly List<NetDevice> _devices = [];
    private readonly Dictionary<(int Type, string Name), UnixSocket> _abstractNames = [];

    /// <summary>Creates a namespace owned by <paramref name="owner"/>, with its loopback device down.</summary>
    public NetNamespace(int id, UserNamespace owner)
    {
        Id = id;
        Owner = owner;
        Loopback = AddDevice("lo", NetDeviceAbi.IffLoopback);
        Tcp = new InetPortTable();
        Udp = new InetPortTable();
    }

    /// <summary>A number, unique within one kernel, in creation order.</summary>
    public int Id { get; }

    /// <summary>The user namespace that owns it (capabilities over it are checked there).</summary>
    public UserNamespace Owner { get; }

    /// <summary>The loopback device.</summary>
    public NetDevice Loopback { get; }

    /// <summary>The devices, in index order.</summary>
    public IReadOnlyList<NetDevice> Devices => _devices;

    /// <summary>The TCP port table (bind buckets, including connections in TIME_WAIT).</summary>
    public InetPortTable Tcp { get; }

    /// <summary>The UDP port table.</summary>
    public InetPortTable Udp { get; }

    /// <summary>Whether the IPv4 local routing table exists (made when the first address appears).</summary>
    public bool HasLocalTable { get; private set; }

    /// <summary>The number the next unix autobind tries after (the kernel starts at a random number; the model at 0).</summary>
    public int UnixAutobindCursor { get; set; }

    /// <summary>
    /// Makes a fresh namespace, as clone/unshare(CLONE_NEWNET) does: only <c>lo</c>, down.
    /// </summary>
    /// <remarks>net/core/net_namespace.c copy_net_ns (6.12); the owner is the caller's user namespace.</remarks>
    public static NetNamespace CreateFresh(KernelState kernel, UserNamespace owner) => new(kernel.NextObjectId(), owner);

    /// <summary>The device called <paramref name="name"/>, or null (ENODEV).</summary>
    public NetDevice? FindDevice(string name) => _devices.FirstOrDefault(d => d.Name == name);

    /// <summary>Adds a device with the next index.</summary>
    public NetDevice AddDevice(string name, int baseFlags)
    {
        var device = new NetDevice(this, name, _devices.Count + 1, baseFlags);
        _devices.Add(device);
        return device;
    }

    /// <summary>
    /// Brings a device up or down (dev_change_flags). Bringing lo up gives it 127.0.0.1/8 the first
    /// time and ::1 each time; bringing it down drops ::1 but keeps 127.0.0.1 and its local routes.
    /// </summary>
    /// <remarks>net/ipv4/devinet.c inetdev_event, net/ipv6/addrconf.c addrconf_notify (6.12); checked on 6.18.</remarks>
    public void SetUp(NetDevice device, bool up)
    {
        if (device.IsUp == up)
        {
            return;
        }

        device.IsUp = up;
        if (!device.IsLoopback)
        {
            return;
        }

        if (up)
        {
            if (!device.Addresses.Any(a => !a.Address.IsV6))
            {
                AddAddress(device, IpAddr.LoopbackV4, 8);
            }

            device.AddAddress(IpAddr.LoopbackV6, 128);
        }
        else
        {
            device.RemoveAddresses(v6: true);
        }
    }

    /// <summary>Adds an address to a device; an IPv4 address makes the local routing table exist.</summary>
    public void AddAddress(NetDevice device, IpAddr address, int prefixLength)
    {
        device.AddAddress(address, prefixLength);
        if (!address.IsV6)
        {
            HasLocalTable = true;
        }
    }

    /// <summary>
    /// Makes a veth pair: <paramref name="name"/> here and <paramref name="peerName"/> in
    /// <paramref name="peerNs"/>, both down and without addresses.
    /// </summary>
    public (NetDevice Here, NetDevice There) AddVethPair(string name, NetNamespace peerNs, string peerName)
    {
        const int VethFlags = NetDeviceAbi.IffBroadcast | NetDeviceAbi.IffMulticast;
        var here = AddDevice(name, VethFlags);
        var there = peerNs.AddDevice(peerName, VethFlags);
        here.Peer = there;
        there.Peer = here;
        return (here, there);
    }

    /// <summary>The socket bound to an abstract name, per socket type (the kernel's hash mixes in the type).</summary>
    internal UnixSocket? FindAbstract(int type, string name) => _abstractNames.GetValueOrDefault((type, name));

    /// <summary>Enters a socket under its abstract name.</summary>
    internal void AddAbstract(int type, string name, UnixSocket socket) => _abstractNames.Add((type, name), socket);

    /// <summary>Removes a socket's abstract name (close).</summary>
    internal void RemoveAbstract(int type, string name, UnixSocket socket)
    {
        if (_abstractNames.TryGetValue((type, name), out var bound) && bound == socket)
        {
            _abstractNames.Remove((type, name));
        }
    }

    /// <summary>The abstract names in use, for listings and tests.</summary>
    public IEnumerable<string> AbstractNames => _abstractNames.Keys.Select(k => k.Name);

    /// <inheritdoc/>
    public override string ToString() => $"net:{Id}";
}
