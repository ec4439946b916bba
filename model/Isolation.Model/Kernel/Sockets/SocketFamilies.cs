using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>The address families the model knows (net_families[]), each with its create function.</summary>
/// <remarks>
/// net/unix/af_unix.c unix_create, net/ipv4/af_inet.c inet_create, net/ipv6/af_inet6.c
/// inet6_create, net/netlink/af_netlink.c netlink_create, net/packet/af_packet.c packet_create
/// (6.12). Any other family is treated as not configured (EAFNOSUPPORT).
/// </remarks>
public static class SocketFamilies
{
    /// <summary>netlink's MAX_LINKS: protocols at or above it are EPROTONOSUPPORT.</summary>
    private const int NetlinkMaxLinks = 32;

    /// <summary>pf->create for <paramref name="family"/>, in <paramref name="netNs"/>.</summary>
    public static Errno Create(KernelState kernel, Task task, NetNamespace netNs, int family, int type, int protocol, out Socket? socket)
    {
        socket = null;
        switch (family)
        {
            case SocketAbi.AfUnix:
                return UnixSocket.Create(netNs, type, protocol, out socket);
            case SocketAbi.AfInet or SocketAbi.AfInet6:
                return CreateInet(kernel, task, netNs, family, type, protocol, out socket);
            case SocketAbi.AfNetlink:
                if (type != SocketAbi.SockRaw && type != SocketAbi.SockDgram)
                {
                    return Errno.ESOCKTNOSUPPORT;
                }

                if (protocol < 0 || protocol >= NetlinkMaxLinks)
                {
                    return Errno.EPROTONOSUPPORT;
                }

                socket = new OpaqueSocket(family, type, protocol, netNs);
                return Errno.None;
            case SocketAbi.AfPacket:
                if (!Capabilities.NsCapable(kernel, task, netNs.Owner, Capability.NetRaw))
                {
                    return Errno.EPERM;
                }

                if (type != SocketAbi.SockDgram && type != SocketAbi.SockRaw && type != SocketAbi.SockPacket)
                {
                    return Errno.ESOCKTNOSUPPORT;
                }

                socket = new OpaqueSocket(family, type, protocol, netNs);
                return Errno.None;
            default:
                return Errno.EAFNOSUPPORT;
        }
    }

    /// <summary>
    /// inet_create / inet6_create: the type's protocol list (inetsw), EPERM for SOCK_RAW without
    /// CAP_NET_RAW over the namespace's owner. Ping sockets (SOCK_DGRAM with ICMP) are EACCES: the
    /// model keeps net.ipv4.ping_group_range at the kernel's default "1 0", which admits no group.
    /// </summary>
    private static Errno CreateInet(KernelState kernel, Task task, NetNamespace netNs, int family, int type, int protocol, out Socket? socket)
    {
        socket = null;
        if (protocol < 0 || protocol >= SocketAbi.IpprotoMax)
        {
            return Errno.EINVAL;
        }

        var icmp = family == SocketAbi.AfInet6 ? SocketAbi.IpprotoIcmpv6 : SocketAbi.IpprotoIcmp;
        int[] answers = type switch
        {
            SocketAbi.SockStream => [SocketAbi.IpprotoTcp],
            SocketAbi.SockDgram => [SocketAbi.IpprotoUdp, icmp],
            SocketAbi.SockRaw => [SocketAbi.IpprotoIp],
            _ => [],
        };

        var error = Errno.ESOCKTNOSUPPORT;
        foreach (var answer in answers)
        {
            error = Errno.None;
            if (protocol == answer ? protocol != SocketAbi.IpprotoIp : protocol == SocketAbi.IpprotoIp || answer == SocketAbi.IpprotoIp)
            {
                protocol = protocol == SocketAbi.IpprotoIp ? answer : protocol;
                break;
            }

            error = Errno.EPROTONOSUPPORT;
        }

        if (error != Errno.None)
        {
            return error;
        }

        if (type == SocketAbi.SockRaw && !Capabilities.NsCapable(kernel, task, netNs.Owner, Capability.NetRaw))
        {
            return Errno.EPERM;
        }

        switch (type)
        {
            case SocketAbi.SockStream:
                socket = new TcpSocket(family, netNs);
                return Errno.None;
            case SocketAbi.SockDgram when protocol == SocketAbi.IpprotoUdp:
                socket = new UdpSocket(family, netNs);
                return Errno.None;
            case SocketAbi.SockDgram:
                return Errno.EACCES;
            default:
                socket = new OpaqueSocket(family, type, protocol, netNs);
                return Errno.None;
        }
    }
}
