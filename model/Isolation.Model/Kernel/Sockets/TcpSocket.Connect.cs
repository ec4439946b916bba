using Isolation.Model.Abi;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>TCP connect and disconnect.</summary>
/// <remarks>
/// net/ipv4/af_inet.c __inet_stream_connect, net/ipv4/tcp_ipv4.c tcp_v4_connect,
/// net/ipv6/tcp_ipv6.c tcp_v6_connect, net/ipv4/tcp.c tcp_disconnect (6.12). Checked on 6.18: a
/// non-blocking connect to a loopback listener is EINPROGRESS, the next connect 0, the next
/// EISCONN; to a port nobody listens on EINPROGRESS, then ECONNREFUSED, then a new attempt.
/// </remarks>
public sealed partial class TcpSocket
{
    /// <summary>
    /// What a blocking connect whose SYN was lost eventually reports (ETIMEDOUT, EHOSTUNREACH); none
    /// when the SYN reached a listener whose queue was full, where a blocking connect waits.
    /// </summary>
    private Errno _lossError;

    /// <summary>__inet_stream_connect.</summary>
    public override Errno Connect(KernelState kernel, Task task, UserSockAddr address, bool nonBlocking)
    {
        if (address.Length < 2)
        {
            return Errno.EINVAL;
        }

        if (address.Family == SocketAbi.AfUnspec)
        {
            Disconnect();
            SockState = ConnectState.Unconnected;
            return Errno.None;
        }

        Errno error;
        switch (SockState)
        {
            case ConnectState.Connected:
                return Errno.EISCONN;
            case ConnectState.Connecting:
                error = Errno.EALREADY;
                break;
            default:
                if (State != TcpState.Closed)
                {
                    return Errno.EISCONN;
                }

                error = StartConnect(address);
                if (error != Errno.None)
                {
                    return error;
                }

                SockState = ConnectState.Connecting;
                if (nonBlocking)
                {
                    // The handshake runs after the SYN leaves, so a non-blocking connect always
                    // returns while the socket is in SYN_SENT.
                    return Errno.EINPROGRESS;
                }

                error = Errno.EINPROGRESS;
                break;
        }

        if (State == TcpState.SynSent)
        {
            if (nonBlocking)
            {
                return error;
            }

            if (_lossError == Errno.None)
            {
                // Waiting for room in the listener's queue: a call that would block.
                return Errno.EAGAIN;
            }

            PendingError = _lossError;
            Done();
        }

        if (State == TcpState.Closed)
        {
            var pending = TakeError();
            SockState = ConnectState.Unconnected;
            Disconnect();
            return pending != Errno.None ? pending : Errno.ECONNABORTED;
        }

        SockState = ConnectState.Connected;
        return Errno.None;
    }

    /// <summary>tcp_disconnect: back to CLOSE; a live connection is reset; unlocked port and addresses are dropped.</summary>
    private void Disconnect()
    {
        var old = State;
        if (old == TcpState.Listen)
        {
            StopListening();
        }
        else if (old == TcpState.Established)
        {
            ResetPeer();
            PendingError = Errno.ECONNRESET;
        }
        else if (old == TcpState.SynSent)
        {
            PendingError = Errno.ECONNRESET;
        }

        State = TcpState.Closed;
        if (!PortLocked)
        {
            ReleasePort();
        }

        if (!AddressLocked)
        {
            ResetAddresses();
        }

        RemoteAddress = IsV6 ? IpAddr.AnyV6 : IpAddr.AnyV4;
        RemotePort = 0;
        ShutdownMask = 0;
        PeerFin = false;
        SentFin = false;
        _activeCloser = false;
        Peer = null;
        _receive.Clear();
    }

    /// <summary>tcp_v4_connect / tcp_v6_connect: checks, route, source address, ephemeral port, then the SYN.</summary>
    private Errno StartConnect(UserSockAddr address)
    {
        var error = Destination(address, out var destination, out var port);
        if (error != Errno.None)
        {
            return error;
        }

        error = Route(destination, out var route, out var source);
        if (error != Errno.None)
        {
            return error;
        }

        if (route.IsBroadcast)
        {
            return Errno.ENETUNREACH;
        }

        InetSaddr = InFamily(source);
        if (RcvSaddr.IsAny)
        {
            RcvSaddr = InFamily(source);
        }

        RemoteAddress = InFamily(route.Destination);
        RemotePort = port;
        if (LocalPort == 0 && TakeFreePort(EphemeralPorts(InetPortTable.EphemeralLow)) != Errno.None)
        {
            // inet_hash_connect found no port.
            RemotePort = 0;
            return Errno.EADDRNOTAVAIL;
        }

        State = TcpState.SynSent;
        SendSyn(route, source);
        return Errno.None;
    }

    /// <summary>The destination of a connect in this socket's family, after the family's checks.</summary>
    private Errno Destination(UserSockAddr address, out IpAddr destination, out int port)
    {
        destination = default;
        port = 0;
        if (address.Length < (IsV6 ? Sin6LenRfc2133 : SinSize))
        {
            return Errno.EINVAL;
        }

        if (address.Family != Family || address.Address is not InetAddress inet || inet.Address.IsV6 != IsV6)
        {
            return Errno.EAFNOSUPPORT;
        }

        port = inet.Port;
        destination = inet.Address;
        if (!IsV6)
        {
            return Errno.None;
        }

        if (destination.IsAny)
        {
            // tcp_v6_connect: connect to :: means connect to loopback.
            destination = RcvSaddr.IsV4Mapped ? IpAddr.LoopbackV4.ToV4Mapped() : IpAddr.LoopbackV6;
        }

        if (destination.IsMulticast)
        {
            return Errno.ENETUNREACH;
        }

        return destination.IsLinkLocalV6 && inet.ScopeId == 0 ? Errno.EINVAL : Errno.None;
    }

    /// <summary>Delivers the SYN: a listener with room makes the connection at once; none answers with a reset.</summary>
    private void SendSyn(RouteResult route, IpAddr source)
    {
        _lossError = route.LossError;
        if (route.ArrivesIn is not { } arrivesIn)
        {
            return;
        }

        var listener = Lookup(arrivesIn.Tcp, route.Destination, RemotePort, source, LocalPort, s => s.IsListening) as TcpSocket;
        if (listener is null)
        {
            ReceiveReset(this);
            return;
        }

        // sk_acceptq_is_full: more waiting than the backlog drops the SYN; the connect waits for room.
        if (listener._acceptQueue.Count > listener.Backlog)
        {
            _lossError = Errno.None;
            return;
        }

        var child = new TcpSocket(listener.Family, listener.NetNs)
        {
            State = TcpState.Established,
            Peer = this,
            ReuseAddress = listener.ReuseAddress,
            ReusePort = listener.ReusePort,
            V6Only = listener.V6Only,
        };
        child.PortLocked = listener.PortLocked;
        child.AddressLocked = true;
        child.RcvSaddr = child.InFamily(route.Destination);
        child.InetSaddr = child.RcvSaddr;
        child.RemoteAddress = child.InFamily(source);
        child.RemotePort = LocalPort;
        child.Hold(listener.LocalPort);
        listener._acceptQueue.AddLast(child);
        Peer = child;
        State = TcpState.Established;
    }
}
