using Isolation.Model.Kernel.Netns;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// A socket the model creates but does not model further: AF_NETLINK, AF_PACKET, and inet
/// SOCK_RAW. Creation is exact (families, types, CAP_NET_RAW); every later operation answers as
/// a protocol without it would (the <c>sock_no_*</c> EOPNOTSUPP).
/// </summary>
/// <remarks>net/netlink/af_netlink.c netlink_create, net/packet/af_packet.c packet_create, net/ipv4/raw.c (6.12).</remarks>
public sealed class OpaqueSocket : Socket
{
    /// <summary>Creates the socket.</summary>
    public OpaqueSocket(int family, int type, int protocol, NetNamespace netNs)
        : base(family, type, protocol, netNs)
    {
    }
}
