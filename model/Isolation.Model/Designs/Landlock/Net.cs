using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// The network hooks of security/landlock/net.c: bind and connect of a TCP socket are checked
/// against the port rules of every layer that handles the right, after Landlock's own checks of the
/// address length and family (so a short or mismatched address is EINVAL, not EACCES).
/// </summary>
/// <remarks>security/landlock/net.c current_check_access_socket, hook_socket_bind, hook_socket_connect (6.12).</remarks>
internal sealed class Net
{
    /// <summary>offsetofend(struct sockaddr, sa_family).</summary>
    private const int FamilyEnd = 2;

    /// <summary>sizeof(struct sockaddr_in).</summary>
    private const int SockaddrInSize = 16;

    /// <summary>SIN6_LEN_RFC2133: a sockaddr_in6 without sin6_scope_id.</summary>
    private const int Sin6LenRfc2133 = 24;

    private readonly LandlockModule _module;

    /// <summary>The hooks of <paramref name="module"/>.</summary>
    public Net(LandlockModule module) => _module = module;

    /// <summary>Adds <c>socket_bind</c> and <c>socket_connect</c> (both read the address length).</summary>
    public void Register(HookTable hooks)
    {
        hooks.SocketBindAddrlen.Add(_module, (task, sock, address) => Check(task, sock, address, LandlockAbi.AccessNetBindTcp));
        hooks.SocketConnectAddrlen.Add(_module, (task, sock, address) => Check(task, sock, address, LandlockAbi.AccessNetConnectTcp));
    }

    /// <summary>current_check_access_socket for <paramref name="access"/> (BIND_TCP or CONNECT_TCP).</summary>
    public Errno Check(Task task, Socket sock, UserSockAddr address, ulong access)
    {
        var domain = _module.DomainOf(task);
        if (domain is null || !domain.Handles(net: ulong.MaxValue) || sock is not TcpSocket)
        {
            // Not landlocked for the network, or not TCP (erratum 1: sk_is_tcp, not just SOCK_STREAM).
            return Errno.None;
        }

        if (address.Length < FamilyEnd)
        {
            return Errno.EINVAL;
        }

        var (error, port) = PortOf(sock, address, access);
        if (error is not null)
        {
            return error.Value;
        }

        // Only AF_UNSPEC may differ from the socket's family; anything else would be EACCES where
        // the network stack says EINVAL or EAFNOSUPPORT.
        if (address.Family != sock.Family && address.Family != SocketAbi.AfUnspec)
        {
            return Errno.EINVAL;
        }

        return domain.AllowsNet(access, port) ? Errno.None : Errno.EACCES;
    }

    // The port to check, or the answer without one: 0 (allowed) for an address family Landlock does
    // not look at and for AF_UNSPEC connect (a disconnect); EINVAL for a short address; AF_UNSPEC bind
    // is INADDR_ANY on an IPv4 socket (the trace form of AF_UNSPEC is all zeros: port 0) and
    // EAFNOSUPPORT on an IPv6 one.
    private static (Errno? Answer, int Port) PortOf(Socket sock, UserSockAddr address, ulong access)
    {
        switch (address.Family)
        {
            case SocketAbi.AfUnspec when access == LandlockAbi.AccessNetConnectTcp:
                return (Errno.None, 0);
            case SocketAbi.AfUnspec when sock.Family == SocketAbi.AfInet:
                return address.Length < SockaddrInSize ? (Errno.EINVAL, 0) : (null, 0);
            case SocketAbi.AfUnspec:
                return (address.Length < Sin6LenRfc2133 ? Errno.EINVAL : Errno.EAFNOSUPPORT, 0);
            case SocketAbi.AfInet:
                return address.Length < SockaddrInSize ? (Errno.EINVAL, 0) : (null, ((InetAddress)address.Address).Port);
            case SocketAbi.AfInet6:
                return address.Length < Sin6LenRfc2133 ? (Errno.EINVAL, 0) : (null, ((InetAddress)address.Address).Port);
            default:
                return (Errno.None, 0);
        }
    }
}
