using Isolation.Model.Abi;
using Isolation.Model.Kernel.Channels;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// A UDP socket of AF_INET or AF_INET6: datagrams go to the socket the destination namespace's
/// table picks; to a port nobody has they are dropped, and the ICMP port-unreachable that comes
/// back sets ECONNREFUSED on a connected sender (reported by its next send or receive).
/// </summary>
/// <remarks>
/// net/ipv4/udp.c udp_sendmsg, udp_recvmsg, udp_lib_get_port, __udp4_lib_err, udp_disconnect;
/// net/ipv4/datagram.c __ip4_datagram_connect; net/ipv6/udp.c udpv6_sendmsg; net/ipv6/datagram.c
/// __ip6_datagram_connect; net/ipv4/af_inet.c inet_dgram_connect, inet_send_prepare (6.12).
/// Receive buffer limits are not modelled.
/// </remarks>
public sealed class UdpSocket : InetSocket
{
    /// <summary>The largest UDP payload length field (udp_sendmsg: len &gt; 0xFFFF is EMSGSIZE).</summary>
    public const int MaxLength = 0xFFFF;

    private readonly LinkedList<SocketMessage> _receive = new();

    /// <summary>Creates an unbound, unconnected UDP socket.</summary>
    public UdpSocket(int family, NetNamespace netNs)
        : base(family, SocketAbi.SockDgram, SocketAbi.IpprotoUdp, netNs)
    {
    }

    /// <summary>Whether connect gave it a default destination (sk_state TCP_ESTABLISHED).</summary>
    public bool IsConnected { get; private set; }

    /// <summary>Datagrams waiting to be read.</summary>
    public int QueueLength => _receive.Count;

    /// <inheritdoc/>
    protected override InetPortTable Ports => NetNs.Udp;

    /// <inheritdoc/>
    protected override bool IsClosed => !IsConnected;

    /// <inheritdoc/>
    protected override bool HasPeerName => IsConnected;

    /// <summary>inet_dgram_connect then ip4/ip6_datagram_connect; AF_UNSPEC disconnects.</summary>
    public override Errno Connect(KernelState kernel, Task task, UserSockAddr address, bool nonBlocking)
    {
        if (address.Length < 2)
        {
            return Errno.EINVAL;
        }

        if (address.Family == SocketAbi.AfUnspec)
        {
            Disconnect();
            return Errno.None;
        }

        if (LocalPort == 0 && GetPort(0) != Errno.None)
        {
            return Errno.EAGAIN;
        }

        var error = ConnectDestination(address, out var destination, out var port);
        if (error == Errno.None)
        {
            error = Route(destination, out var route, out var source);
            if (error == Errno.None && route.IsBroadcast && !Broadcast)
            {
                error = Errno.EACCES;
            }

            if (error == Errno.None)
            {
                if (InetSaddr.IsAny)
                {
                    InetSaddr = InFamily(source);
                }

                if (RcvSaddr.IsAny)
                {
                    RcvSaddr = InFamily(source);
                }

                RemoteAddress = destination;
                RemotePort = port;
                IsConnected = true;
            }
        }

        return error;
    }

    /// <summary>udp_sendmsg / udpv6_sendmsg.</summary>
    public override long SendMessage(KernelState kernel, Task task, SendRequest request)
    {
        // inet_send_prepare binds a port before anything else.
        if (LocalPort == 0 && GetPort(0) != Errno.None)
        {
            return -(long)Errno.EAGAIN;
        }

        if (request.Data.Length > MaxLength)
        {
            return -(long)Errno.EMSGSIZE;
        }

        if ((request.Flags & MsgFlags.Oob) != 0)
        {
            return -(long)Errno.EOPNOTSUPP;
        }

        // SCM_RIGHTS on an inet socket passes __sock_cmsg_send and is ignored.
        var error = SendDestination(request.To, out var destination, out var port);
        RouteResult route = default;
        IpAddr source = default;
        if (error == Errno.None)
        {
            error = Route(destination, out route, out source);
        }

        if (error == Errno.None && route.IsBroadcast && !Broadcast)
        {
            error = Errno.EACCES;
        }

        if (error == Errno.None)
        {
            // sock_alloc_send_skb: a pending error (an ICMP error on a connected socket), then a shut-down sender.
            error = TakeError();
            if (error == Errno.None && (ShutdownMask & SocketAbi.SendShutdown) != 0)
            {
                error = Errno.EPIPE;
            }
        }

        if (error != Errno.None)
        {
            return -(long)error;
        }

        Deliver(kernel, task, request.Data.ToArray(), route, source, port);
        return request.Data.Length;
    }

    /// <summary>udp_recvmsg: the pending error first, then the next datagram, else EAGAIN (0 after shutdown for a blocking call).</summary>
    public override long ReceiveMessage(KernelState kernel, Task task, RecvRequest request, RecvResult result)
    {
        var error = TakeError();
        if (error != Errno.None)
        {
            return -(long)error;
        }

        if (_receive.First is not { } head)
        {
            return !request.NonBlocking && (ShutdownMask & SocketAbi.RcvShutdown) != 0 ? 0 : -(long)Errno.EAGAIN;
        }

        var message = head.Value;
        if (!request.Peek)
        {
            _receive.RemoveFirst();
        }

        var size = Math.Min(request.Size, message.Data.Length);
        if (size < message.Data.Length)
        {
            result.MsgFlags |= MsgFlags.Trunc;
        }

        result.Data = message.Data[..size];
        result.From = message.From;
        if (message.SenderTask is { } sender && message.From is InetAddress from)
        {
            kernel.RecordChannel(ChannelKind.InetDatagram, sender, task, $"{RcvSaddr}:{LocalPort} from {from.Address}:{from.Port}", message.SentAt);
        }

        return (request.Flags & MsgFlags.Trunc) != 0 ? message.Data.Length : size;
    }

    /// <summary>inet_shutdown for a datagram socket: ENOTCONN unless connected, the bits set either way.</summary>
    public override Errno Shutdown(KernelState kernel, Task task, int how)
    {
        var mode = how + 1;
        if ((mode & ~SocketAbi.ShutdownMask) != 0 || mode == 0)
        {
            return Errno.EINVAL;
        }

        ShutdownMask |= mode;
        return IsConnected ? Errno.None : Errno.ENOTCONN;
    }

    /// <summary>udp_lib_lport_inuse: an overlapping address without SO_REUSEADDR on both.</summary>
    internal override bool ConflictsWith(InetSocket other) =>
        other != this && !(ReuseAddress && other.ReuseAddress) && AddressesOverlap(other);

    /// <summary>
    /// udp_lib_lport_inuse walks the port's chain (newest first; udp_lib_get_port puts AF_INET6
    /// SO_REUSEPORT sockets at the tail) and the first conflicting socket decides: SO_REUSEPORT on
    /// both with the same owner (sock_i_uid) shares the port, anything else is EADDRINUSE.
    /// </summary>
    protected override bool PortInUse(IReadOnlyList<InetSocket> owners)
    {
        var chain = owners.Where(o => !(o.IsV6 && o.ReusePort)).Reverse().Concat(owners.Where(o => o.IsV6 && o.ReusePort));
        return chain.FirstOrDefault(ConflictsWith) is { } first
            && !(ReusePort && first.ReusePort && OwnerUid == first.OwnerUid);
    }

    /// <summary>udp_lib_get_port: the model picks the lowest free ephemeral port.</summary>
    protected override Errno GetPort(int port) =>
        port == 0 ? TakeFreePort(Enumerable.Range(InetPortTable.EphemeralLow, InetPortTable.EphemeralHigh - InetPortTable.EphemeralLow + 1)) : TakePort(port);

    /// <inheritdoc/>
    protected override Errno ProtocolOption(int level) => level == SockOptAbi.SolUdp ? Errno.None : base.ProtocolOption(level);

    /// <summary>udp_lib_close: the port goes back and queued datagrams are dropped.</summary>
    protected override void Close(KernelState kernel)
    {
        ReleasePort();
        _receive.Clear();
    }

    /// <summary>Hands a datagram to the socket that gets it, or reports port unreachable to a connected sender.</summary>
    private void Deliver(KernelState kernel, Task task, byte[] data, RouteResult route, IpAddr source, int port)
    {
        if (route.ArrivesIn is not { } arrivesIn)
        {
            return;
        }

        var target = Lookup(arrivesIn.Udp, route.Destination, port, source, LocalPort, _ => true) as UdpSocket;
        if (target is null)
        {
            if (IsConnected)
            {
                PendingError = Errno.ECONNREFUSED;
            }

            return;
        }

        var from = new InetAddress(target.InFamily(source), LocalPort);
        target._receive.AddLast(new SocketMessage(data) { From = from, Sender = this, SenderTask = task, SentAt = kernel.Clock });
    }

    /// <summary>The destination of a connect, after __ip4_datagram_connect's or __ip6_datagram_connect's checks.</summary>
    private Errno ConnectDestination(UserSockAddr address, out IpAddr destination, out int port)
    {
        destination = default;
        port = 0;
        var inet = address.Address as InetAddress;
        if (IsV6 && address.Family == SocketAbi.AfInet)
        {
            // An AF_INET6 socket may connect with a sockaddr_in (__ip6_datagram_connect).
            if (V6Only)
            {
                return Errno.EAFNOSUPPORT;
            }
        }
        else if (address.Length < (IsV6 ? Sin6LenRfc2133 : SinSize))
        {
            return Errno.EINVAL;
        }
        else if (address.Family != Family)
        {
            return Errno.EAFNOSUPPORT;
        }

        if (address.Length < SinSize || inet is null)
        {
            return Errno.EINVAL;
        }

        port = inet.Port;
        destination = InFamily(inet.Address);
        if (destination.IsAny)
        {
            destination = IsV6 && !destination.IsV4Mapped ? IpAddr.LoopbackV6 : InFamily(IpAddr.LoopbackV4);
        }

        return Errno.None;
    }

    /// <summary>The destination of a send: msg_name after udp_sendmsg's checks, or the connected peer (EDESTADDRREQ without one).</summary>
    private Errno SendDestination(UserSockAddr? to, out IpAddr destination, out int port)
    {
        destination = RemoteAddress;
        port = RemotePort;
        if (to is null || (to.Family == SocketAbi.AfUnspec && IsV6))
        {
            return IsConnected ? Errno.None : Errno.EDESTADDRREQ;
        }

        var v4 = !IsV6 || to.Family == SocketAbi.AfInet;
        if (to.Length < (v4 ? SinSize : Sin6LenRfc2133))
        {
            return Errno.EINVAL;
        }

        if (!v4 && to.Family != SocketAbi.AfInet6)
        {
            return Errno.EINVAL;
        }

        if (v4 && to.Family != SocketAbi.AfInet && to.Family != SocketAbi.AfUnspec)
        {
            return Errno.EAFNOSUPPORT;
        }

        if (to.Address is not InetAddress inet || inet.Port == 0)
        {
            // AF_UNSPEC carries no port the model can read; port 0 is EINVAL.
            return Errno.EINVAL;
        }

        port = inet.Port;
        destination = InFamily(inet.Address);
        if (IsV6 && inet.Address == IpAddr.AnyV6 && InetSaddr.IsV4Mapped)
        {
            // udpv6_sendmsg: :: from a v4-mapped source means IPv4 loopback.
            destination = IpAddr.LoopbackV4.ToV4Mapped();
        }

        return Errno.None;
    }

    /// <summary>udp_disconnect: forgets the peer; unlocked address and port go back.</summary>
    private void Disconnect()
    {
        IsConnected = false;
        RemoteAddress = IsV6 ? IpAddr.AnyV6 : IpAddr.AnyV4;
        RemotePort = 0;
        if (!AddressLocked)
        {
            ResetAddresses();
        }

        if (!PortLocked)
        {
            ReleasePort();
        }
    }
}
