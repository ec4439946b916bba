using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// What TCP and UDP sockets of AF_INET and AF_INET6 share: the bound address and port, the peer,
/// IPV6_V6ONLY, bind with its address and privilege checks, getname, and routing from the
/// socket's namespace. Addresses are kept in the socket's family: an AF_INET6 socket talking to
/// IPv4 holds v4-mapped addresses.
/// </summary>
/// <remarks>net/ipv4/af_inet.c __inet_bind, inet_getname; net/ipv6/af_inet6.c __inet6_bind, inet6_getname (6.12).</remarks>
public abstract partial class InetSocket : Socket
{
    /// <summary>SIN6_LEN_RFC2133: the shortest sockaddr_in6 accepted.</summary>
    public const int Sin6LenRfc2133 = 24;

    /// <summary>sizeof(struct sockaddr_in).</summary>
    public const int SinSize = 16;

    /// <summary>net.ipv4.ip_unprivileged_port_start's default: lower ports need CAP_NET_BIND_SERVICE.</summary>
    public const int UnprivilegedPortStart = 1024;

    /// <summary>Creates a socket of <paramref name="family"/> in <paramref name="netNs"/>.</summary>
    protected InetSocket(int family, int type, int protocol, NetNamespace netNs)
        : base(family, type, protocol, netNs)
    {
        var any = family == SocketAbi.AfInet6 ? IpAddr.AnyV6 : IpAddr.AnyV4;
        RcvSaddr = any;
        InetSaddr = any;
        RemoteAddress = any;
    }

    /// <summary>Whether this is an AF_INET6 socket.</summary>
    public bool IsV6 => Family == SocketAbi.AfInet6;

    /// <summary>sk_ipv6only (IPV6_V6ONLY; net.ipv6.bindv6only defaults to 0).</summary>
    public bool V6Only { get; set; }

    /// <summary>inet_num: the local port, 0 while unbound.</summary>
    public int LocalPort { get; protected set; }

    /// <summary>inet_rcv_saddr / sk_v6_rcv_saddr: the bound address (any while unbound or bound to the wildcard).</summary>
    public IpAddr RcvSaddr { get; protected set; }

    /// <summary>inet_daddr / sk_v6_daddr: the peer's address.</summary>
    public IpAddr RemoteAddress { get; protected set; }

    /// <summary>inet_dport: the peer's port, 0 while unconnected.</summary>
    public int RemotePort { get; protected set; }

    /// <summary>SOCK_BINDPORT_LOCK: the port was chosen by bind, so disconnecting keeps it.</summary>
    public bool PortLocked { get; protected set; }

    /// <summary>SOCK_BINDADDR_LOCK: the address was chosen by bind, so disconnecting keeps it.</summary>
    public bool AddressLocked { get; protected set; }

    /// <summary>The port table of this socket's protocol in its namespace.</summary>
    protected abstract InetPortTable Ports { get; }

    /// <summary>Whether sk_state is TCP_CLOSE (bind and autobind require it).</summary>
    protected abstract bool IsClosed { get; }

    /// <summary>The IPv4 view of the bound address that bind conflicts compare (inet_rcv_saddr): 0 for any, 127.0.0.6 for a plain IPv6 address.</summary>
    internal uint RcvV4 => !IsV6 ? (uint)RcvSaddr.Value
        : RcvSaddr.IsV4Mapped ? (uint)RcvSaddr.MappedV4.Value
        : RcvSaddr.IsAny ? 0u : 0x7f000006u;

    /// <inheritdoc/>
    public override Errno Bind(KernelState kernel, Task task, UserSockAddr address) =>
        IsV6 ? Bind6(kernel, task, address) : Bind4(kernel, task, address);

    /// <summary>inet_getname / inet6_getname.</summary>
    public override Errno GetName(bool peer, out SockAddr? address)
    {
        address = null;
        if (peer)
        {
            if (RemotePort == 0 || !HasPeerName)
            {
                return Errno.ENOTCONN;
            }

            address = new InetAddress(RemoteAddress, RemotePort);
            return Errno.None;
        }

        address = new InetAddress(RcvSaddr.IsAny ? InetSaddr : RcvSaddr, LocalPort);
        return Errno.None;
    }

    /// <summary>IPV6_V6ONLY at SOL_IPV6 (only before the socket has a port); other levels as the protocol answers.</summary>
    public override Errno SetOption(int level, int name, int value)
    {
        if (level == SockOptAbi.SolSocket)
        {
            return base.SetOption(level, name, value);
        }

        if (level == SockOptAbi.SolIpv6 && IsV6 && name == SockOptAbi.Ipv6V6Only)
        {
            if (LocalPort != 0)
            {
                return Errno.EINVAL;
            }

            V6Only = value != 0;
            return Errno.None;
        }

        return ProtocolOption(level);
    }

    /// <inheritdoc/>
    public override Errno GetOption(int level, int name, out int value)
    {
        if (level == SockOptAbi.SolIpv6 && IsV6 && name == SockOptAbi.Ipv6V6Only)
        {
            value = V6Only ? 1 : 0;
            return Errno.None;
        }

        return base.GetOption(level, name, out value);
    }

    /// <summary>Whether getpeername may answer (TCP: not while closed or connecting).</summary>
    protected virtual bool HasPeerName => true;

    /// <summary>A setsockopt level other than SOL_SOCKET and IPV6_V6ONLY: accepted where the protocol has that level, else ENOPROTOOPT.</summary>
    protected virtual Errno ProtocolOption(int level) =>
        level == SockOptAbi.SolIp || (level == SockOptAbi.SolIpv6 && IsV6) ? Errno.None : Errno.ENOPROTOOPT;

    /// <summary>
    /// The protocol's get_port: takes <paramref name="port"/> (or an ephemeral port for 0) unless a
    /// socket already there conflicts (EADDRINUSE); a socket that holds its port is only re-checked.
    /// </summary>
    protected abstract Errno GetPort(int port);

    /// <summary>Whether this socket may not share a port with <paramref name="other"/> (the protocol's conflict rule).</summary>
    internal abstract bool ConflictsWith(InetSocket other);

    /// <summary>Takes the first port from <paramref name="candidates"/> that nobody holds, or EADDRINUSE.</summary>
    protected Errno TakeFreePort(IEnumerable<int> candidates)
    {
        foreach (var port in candidates)
        {
            if (Ports.Owners(port).Count == 0)
            {
                Hold(port);
                return Errno.None;
            }
        }

        return Errno.EADDRINUSE;
    }

    /// <summary>Whether the sockets holding a port keep this one from binding it (any of them conflicting, by default).</summary>
    protected virtual bool PortInUse(IReadOnlyList<InetSocket> owners) => owners.Any(ConflictsWith);

    /// <summary>Takes <paramref name="port"/>, or only re-checks it when the socket already holds it.</summary>
    protected Errno TakePort(int port)
    {
        if (PortInUse(Ports.Owners(port)))
        {
            return Errno.EADDRINUSE;
        }

        if (LocalPort != port)
        {
            Hold(port);
        }

        return Errno.None;
    }

    /// <summary>The ephemeral range from <paramref name="first"/> with a step of 2, then the other parity.</summary>
    protected static IEnumerable<int> EphemeralPorts(int first)
    {
        for (var p = first; p <= InetPortTable.EphemeralHigh; p += 2)
        {
            yield return p;
        }

        for (var p = first ^ 1; p <= InetPortTable.EphemeralHigh; p += 2)
        {
            yield return p;
        }
    }

    /// <summary>inet_put_port: gives the port back (inet_num = 0).</summary>
    protected void ReleasePort()
    {
        if (LocalPort != 0)
        {
            Ports.Remove(LocalPort, this);
            LocalPort = 0;
        }
    }

    /// <summary>inet_reset_saddr: forgets the bound and source addresses.</summary>
    protected void ResetAddresses()
    {
        var any = IsV6 ? IpAddr.AnyV6 : IpAddr.AnyV4;
        RcvSaddr = any;
        InetSaddr = any;
    }

    /// <summary>Holds a port given by the protocol's rules (an accepted child inherits its listener's).</summary>
    protected void Hold(int port)
    {
        Ports.Add(port, this);
        LocalPort = port;
    }

    /// <summary>inet_rcv_saddr_equal with wildcards matching, in the rules of the two sockets' families.</summary>
    internal bool AddressesOverlap(InetSocket other)
    {
        if (!IsV6)
        {
            return !other.V6Only && (RcvV4 == other.RcvV4 || RcvV4 == 0 || other.RcvV4 == 0);
        }

        var mine = Kind(RcvSaddr);
        var theirs = other.IsV6 ? Kind(other.RcvSaddr) : AddrKind.Mapped;
        if (mine == AddrKind.Mapped && theirs == AddrKind.Mapped)
        {
            return !other.V6Only && (RcvV4 == other.RcvV4 || RcvV4 == 0 || other.RcvV4 == 0);
        }

        return (mine == AddrKind.Any && theirs == AddrKind.Any)
            || (theirs == AddrKind.Any && !(other.V6Only && mine == AddrKind.Mapped))
            || (mine == AddrKind.Any && !(V6Only && theirs == AddrKind.Mapped))
            || (other.IsV6 && RcvSaddr == other.RcvSaddr);
    }

    private static AddrKind Kind(IpAddr a) => a.IsAny ? AddrKind.Any : a.IsV4Mapped ? AddrKind.Mapped : AddrKind.Other;

    private static bool ValidV4(Ipv4AddrType type, IpAddr addr) =>
        addr.IsAny || type is Ipv4AddrType.Local or Ipv4AddrType.Multicast or Ipv4AddrType.Broadcast;

    private Errno Bind4(KernelState kernel, Task task, UserSockAddr address)
    {
        if (address.Length < SinSize)
        {
            return Errno.EINVAL;
        }

        // AF_UNSPEC passes only with INADDR_ANY, which is how the model reads its unprinted sin_addr.
        var inet = address.Address as InetAddress;
        if (address.Family != SocketAbi.AfInet && (address.Family != SocketAbi.AfUnspec || inet is { Address.IsAny: false }))
        {
            return Errno.EAFNOSUPPORT;
        }

        var ip = inet is { Address.IsV6: false } ? inet.Address : IpAddr.AnyV4;
        var port = inet?.Port ?? 0;
        var type = Routing.AddrType(NetNs, ip);
        if (!ValidV4(type, ip))
        {
            return Errno.EADDRNOTAVAIL;
        }

        if (NeedsBindService(kernel, task, port))
        {
            return Errno.EACCES;
        }

        if (!IsClosed || LocalPort != 0)
        {
            // An active socket, or a second bind.
            return Errno.EINVAL;
        }

        RcvSaddr = ip;
        InetSaddr = type is Ipv4AddrType.Multicast or Ipv4AddrType.Broadcast ? IpAddr.AnyV4 : ip;
        return FinishBind(port, saved: V6Only);
    }

    private Errno Bind6(KernelState kernel, Task task, UserSockAddr address)
    {
        if (address.Length < Sin6LenRfc2133)
        {
            return Errno.EINVAL;
        }

        if (address.Family != SocketAbi.AfInet6 || address.Address is not InetAddress { Address.IsV6: true } inet)
        {
            return Errno.EAFNOSUPPORT;
        }

        var ip = inet.Address;
        if (ip.IsMulticast && Type == SocketAbi.SockStream)
        {
            return Errno.EINVAL;
        }

        if (NeedsBindService(kernel, task, inet.Port))
        {
            return Errno.EACCES;
        }

        if (!IsClosed || LocalPort != 0)
        {
            return Errno.EINVAL;
        }

        var error = CheckLocalV6(ip, address.Length >= 28 ? inet.ScopeId : 0);
        if (error != Errno.None)
        {
            return error;
        }

        RcvSaddr = ip;
        if (!ip.IsMulticast)
        {
            InetSaddr = ip;
        }

        var saved = V6Only;
        if (!ip.IsAny && !ip.IsV4Mapped)
        {
            V6Only = true;
        }

        return FinishBind(inet.Port, saved);
    }

    private Errno CheckLocalV6(IpAddr ip, int scopeId)
    {
        if (ip.IsV4Mapped)
        {
            // Binding to a v4-mapped address on a v6-only socket makes no sense; else the IPv4 checks.
            return V6Only ? Errno.EINVAL
                : ValidV4(Routing.AddrType(NetNs, ip.MappedV4), ip.MappedV4) ? Errno.None : Errno.EADDRNOTAVAIL;
        }

        if (ip.IsAny)
        {
            return Errno.None;
        }

        if (ip.IsLinkLocalV6)
        {
            // A link-local address needs an interface, and the model's devices have no link-local addresses.
            return scopeId == 0 ? Errno.EINVAL
                : NetNs.Devices.Any(d => d.Index == scopeId) ? Errno.EADDRNOTAVAIL : Errno.ENODEV;
        }

        return ip.IsMulticast || Routing.IsLocalV6(NetNs, ip) ? Errno.None : Errno.EADDRNOTAVAIL;
    }

    private Errno FinishBind(int port, bool saved)
    {
        var error = GetPort(port);
        if (error != Errno.None)
        {
            V6Only = saved;
            ResetAddresses();
            return error;
        }

        AddressLocked = !RcvSaddr.IsAny;
        PortLocked = port != 0;
        RemoteAddress = IsV6 ? IpAddr.AnyV6 : IpAddr.AnyV4;
        RemotePort = 0;
        return Errno.None;
    }

    /// <summary>inet_port_requires_bind_service without CAP_NET_BIND_SERVICE over the namespace's owner.</summary>
    private bool NeedsBindService(KernelState kernel, Task task, int port) =>
        port != 0 && port < UnprivilegedPortStart && !Capabilities.NsCapable(kernel, task, NetNs.Owner, Capability.NetBindService);

    private enum AddrKind
    {
        Any,
        Mapped,
        Other,
    }
}
