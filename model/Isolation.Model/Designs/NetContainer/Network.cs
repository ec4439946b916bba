using System.Buffers.Binary;
using Isolation.Model.Kernel.Cgroups;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;

namespace Isolation.Model.Designs.NetContainer;

/// <summary>
/// One container's network state (struct network): the list of IPv4 addresses it may bind to, as
/// the __be32 values network.ipv4 stored, newest first (list_add puts an entry at the head).
/// </summary>
/// <remarks>
/// Seed 002_d6ff0dffc80eb989.txt, patch 1/3: struct network, struct ipv4_list,
/// network_add_ipv4_address, network_del_ipv4_address. The values are what sscanf("%X") put in a
/// __be32, i.e. host-order numbers; bind compares them with sin_addr.s_addr, which is in network
/// order. The model's architecture is x86-64 (little-endian), so an entry matches an address whose
/// bytes are the entry's bytes in reverse: "0100000A" matches 10.0.0.1.
/// </remarks>
public sealed class Network : CgroupSubsysState
{
    private readonly List<uint> _ipv4 = [];

    /// <summary>The entries, head first: the order network.ipv4 lists them in.</summary>
    public IReadOnlyList<uint> Ipv4List => _ipv4;

    /// <summary>sin_addr.s_addr of <paramref name="address"/> as a little-endian machine reads it.</summary>
    public static uint SAddr(IpAddr address) => BinaryPrimitives.ReverseEndianness((uint)address.Value);

    /// <summary>network_add_ipv4_address: list_add at the head; duplicates are not looked for.</summary>
    public void Add(uint address) => _ipv4.Insert(0, address);

    /// <summary>network_del_ipv4_address: removes the first matching entry, or EINVAL when there is none.</summary>
    public Errno Delete(uint address)
    {
        var at = _ipv4.IndexOf(address);
        if (at < 0)
        {
            return Errno.EINVAL;
        }

        _ipv4.RemoveAt(at);
        return Errno.None;
    }

    /// <summary>Whether <paramref name="sAddr"/> is on the list (the loop in network_socket_bind).</summary>
    public bool Allows(uint sAddr) => _ipv4.Contains(sAddr);

    /// <summary>network_destroy: flushes the list.</summary>
    public void Flush() => _ipv4.Clear();
}
