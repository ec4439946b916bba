using Isolation.Model.Abi;
using Isolation.Model.Kernel.Channels;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// A TCP socket of AF_INET or AF_INET6. Connections are made at once when the SYN reaches a
/// listener with room (loopback and veth deliver synchronously), so a blocking connect completes
/// without accept; a lost SYN leaves the socket in SYN_SENT. Closing follows FIN/RST rules far
/// enough for the errno a peer sees: the side that sends the first FIN keeps its port (FIN_WAIT2,
/// then TIME_WAIT, for the rest of the run), a close with unread data resets the peer.
/// </summary>
/// <remarks>
/// net/ipv4/af_inet.c inet_listen, __inet_stream_connect, inet_shutdown; net/ipv4/tcp.c
/// tcp_sendmsg_locked, tcp_recvmsg_locked, tcp_close, tcp_disconnect; net/ipv4/tcp_input.c
/// tcp_reset, tcp_fin; net/ipv4/inet_connection_sock.c inet_csk_get_port, inet_csk_accept (6.12).
/// Send and receive buffers are unbounded in the model.
/// </remarks>
public sealed partial class TcpSocket : InetSocket
{
    private readonly LinkedList<TcpSocket> _acceptQueue = new();
    private readonly LinkedList<SocketMessage> _receive = new();
    private bool _activeCloser;

    /// <summary>Creates an unbound, unconnected TCP socket.</summary>
    public TcpSocket(int family, NetNamespace netNs)
        : base(family, SocketAbi.SockStream, SocketAbi.IpprotoTcp, netNs)
    {
    }

    /// <summary>sk_state.</summary>
    public TcpState State { get; private set; }

    /// <summary>sock->state.</summary>
    public ConnectState SockState { get; private set; }

    /// <summary>The other end of the connection.</summary>
    public TcpSocket? Peer { get; private set; }

    /// <summary>SOCK_DONE: the peer's FIN arrived (CLOSE_WAIT); reads return 0 once the data is read.</summary>
    public bool PeerFin { get; private set; }

    /// <summary>Whether this end has sent its FIN (shutdown SHUT_WR, or close).</summary>
    public bool SentFin { get; private set; }

    /// <summary>sk_max_ack_backlog.</summary>
    public int Backlog { get; private set; }

    /// <summary>Connections made and waiting for accept.</summary>
    public IReadOnlyCollection<TcpSocket> AcceptQueue => _acceptQueue;

    /// <summary>Bytes received and not yet read.</summary>
    public int Pending => _receive.Sum(m => m.Remaining);

    /// <inheritdoc/>
    public override bool IsListening => State == TcpState.Listen;

    /// <inheritdoc/>
    public override Socket? NextAcceptable => State == TcpState.Listen ? _acceptQueue.First?.Value : null;

    /// <inheritdoc/>
    protected override InetPortTable Ports => NetNs.Tcp;

    /// <inheritdoc/>
    protected override bool IsClosed => State == TcpState.Closed;

    /// <inheritdoc/>
    protected override bool HasPeerName => State is not (TcpState.Closed or TcpState.SynSent);

    /// <summary>inet_listen: EINVAL unless unconnected; the first listen takes a port (an ephemeral one if unbound) or EADDRINUSE.</summary>
    public override Errno Listen(KernelState kernel, Task task, int backlog)
    {
        if (SockState != ConnectState.Unconnected || (State != TcpState.Closed && State != TcpState.Listen))
        {
            return Errno.EINVAL;
        }

        if (State == TcpState.Closed)
        {
            // inet_csk_listen_start: the state is LISTEN while get_port re-checks the bucket.
            State = TcpState.Listen;
            var error = LocalPort == 0 ? TakeFreePort(EphemeralPorts(InetPortTable.EphemeralLow + 1)) : TakePort(LocalPort);
            if (error != Errno.None)
            {
                State = TcpState.Closed;
                return Errno.EADDRINUSE;
            }
        }

        Backlog = backlog;
        return Errno.None;
    }

    /// <summary>inet_csk_accept: EINVAL when not listening, EAGAIN when no connection waits (a blocking accept would wait).</summary>
    public override Errno Accept(KernelState kernel, Task task, bool nonBlocking, out Socket? accepted)
    {
        accepted = null;
        if (State != TcpState.Listen)
        {
            return Errno.EINVAL;
        }

        if (_acceptQueue.First is not { } head)
        {
            return Errno.EAGAIN;
        }

        _acceptQueue.RemoveFirst();
        head.Value.SockState = ConnectState.Connected;
        accepted = head.Value;
        return Errno.None;
    }

    /// <summary>tcp_sendmsg_locked: the bytes go to the peer's receive queue.</summary>
    public override long SendMessage(KernelState kernel, Task task, SendRequest request)
    {
        if (State != TcpState.Established)
        {
            // sk_stream_wait_connect: a pending error, EPIPE unless connecting, EAGAIN while connecting.
            var pending = TakeError();
            return -(long)(pending != Errno.None ? pending : State == TcpState.SynSent ? Errno.EAGAIN : Errno.EPIPE);
        }

        if (PendingError != Errno.None || (ShutdownMask & SocketAbi.SendShutdown) != 0)
        {
            var pending = TakeError();
            return -(long)(pending != Errno.None ? pending : Errno.EPIPE);
        }

        if (request.Data.IsEmpty)
        {
            return 0;
        }

        var peer = Peer!;
        if (peer.State == TcpState.Orphan)
        {
            // Data for a closed socket in FIN_WAIT2 is answered with a reset: the send itself succeeds.
            peer.Destroy();
            ReceiveReset(this);
        }
        else if (peer.State == TcpState.Established)
        {
            peer._receive.AddLast(new SocketMessage(request.Data.ToArray()) { Sender = this, SenderTask = task, SentAt = kernel.Clock });
        }

        return request.Data.Length;
    }

    /// <summary>tcp_recvmsg_locked: queued bytes, else 0 after FIN, the pending error, 0 after shutdown, ENOTCONN when closed, EAGAIN.</summary>
    public override long ReceiveMessage(KernelState kernel, Task task, RecvRequest request, RecvResult result)
    {
        if (State == TcpState.Listen)
        {
            return -(long)Errno.ENOTCONN;
        }

        if ((request.Flags & MsgFlags.Oob) != 0)
        {
            // No urgent data is ever pending in the model.
            return -(long)Errno.EINVAL;
        }

        if (_receive.Count == 0)
        {
            if (PeerFin)
            {
                return 0;
            }

            var error = TakeError();
            return error != Errno.None ? -(long)error
                : (ShutdownMask & SocketAbi.RcvShutdown) != 0 ? 0
                : State == TcpState.Closed ? -(long)Errno.ENOTCONN
                : -(long)Errno.EAGAIN;
        }

        var data = new List<byte>();
        for (var node = _receive.First; node is not null && data.Count < request.Size;)
        {
            var message = node.Value;
            var chunk = Math.Min(message.Remaining, request.Size - data.Count);
            data.AddRange(message.Data.AsSpan(message.Consumed, chunk));
            if (message.SenderTask is { } sender)
            {
                kernel.RecordChannel(ChannelKind.InetStream, sender, task, Endpoint(RcvSaddr, LocalPort), message.SentAt);
            }

            var next = node.Next;
            if (!request.Peek)
            {
                message.Consumed += chunk;
                if (message.Remaining == 0)
                {
                    _receive.Remove(node);
                }
            }

            node = next;
        }

        result.Data = [.. data];
        return data.Count;
    }

    /// <summary>inet_shutdown for TCP.</summary>
    public override Errno Shutdown(KernelState kernel, Task task, int how)
    {
        var mode = how + 1;
        if ((mode & ~SocketAbi.ShutdownMask) != 0 || mode == 0)
        {
            return Errno.EINVAL;
        }

        if (SockState == ConnectState.Connecting)
        {
            SockState = State is TcpState.SynSent or TcpState.Closed ? ConnectState.Unconnected : ConnectState.Connected;
        }

        switch (State)
        {
            case TcpState.Listen when (mode & SocketAbi.RcvShutdown) == 0:
                return Errno.None;
            case TcpState.Listen or TcpState.SynSent:
                Disconnect();
                SockState = ConnectState.Unconnected;
                return Errno.None;
            default:
                ShutdownMask |= mode;
                if ((mode & SocketAbi.SendShutdown) != 0 && State == TcpState.Established && !SentFin)
                {
                    SendFin();
                }

                return State == TcpState.Closed ? Errno.ENOTCONN : Errno.None;
        }
    }

    /// <summary>
    /// inet_bind_conflict as inet_csk_get_port calls it (relax, reuseport_ok): an overlapping address
    /// is shared with SO_REUSEADDR on both while the other does not listen, or with SO_REUSEPORT on
    /// both when the other is in TIME_WAIT (an orphan here) or has the same owner (sock_i_uid).
    /// </summary>
    internal override bool ConflictsWith(InetSocket other) =>
        other != this && AddressesOverlap(other)
        && !(ReuseAddress && other.ReuseAddress && !other.IsListening)
        && !(ReusePort && other.ReusePort && (other is TcpSocket { State: TcpState.Orphan } || OwnerUid == other.OwnerUid));

    /// <summary>inet_csk_get_port: bind(0) prefers odd ephemeral ports (connect takes even ones).</summary>
    protected override Errno GetPort(int port) =>
        port == 0 ? TakeFreePort(EphemeralPorts(InetPortTable.EphemeralLow + 1)) : TakePort(port);

    /// <inheritdoc/>
    protected override Errno ProtocolOption(int level) => level == SockOptAbi.SolTcp ? Errno.None : base.ProtocolOption(level);

    /// <summary>tcp_close.</summary>
    protected override void Close(KernelState kernel)
    {
        ShutdownMask = SocketAbi.ShutdownMask;
        switch (State)
        {
            case TcpState.Listen:
                StopListening();
                State = TcpState.Closed;
                ReleasePort();
                break;
            case TcpState.Established when _receive.Count > 0:
                // Unread data: the peer gets a reset instead of a FIN.
                ResetPeer();
                State = TcpState.Closed;
                ReleasePort();
                break;
            case TcpState.Established:
                if (!SentFin)
                {
                    SendFin();
                }

                State = _activeCloser ? TcpState.Orphan : TcpState.Closed;
                if (!_activeCloser)
                {
                    ReleasePort();
                }

                break;
            default:
                State = TcpState.Closed;
                ReleasePort();
                break;
        }

        _receive.Clear();
    }

    private static string Endpoint(IpAddr address, int port) =>
        (address.IsV6 ? $"[{address}]" : address.ToString()) + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>tcp_reset: what a reset does to the socket that receives it.</summary>
    private static void ReceiveReset(TcpSocket sk)
    {
        switch (sk.State)
        {
            case TcpState.Orphan:
                sk.Destroy();
                break;
            case TcpState.Established:
                sk.PendingError = sk.PeerFin ? Errno.EPIPE : Errno.ECONNRESET;
                sk.Done();
                break;
            case TcpState.SynSent:
                sk.PendingError = Errno.ECONNREFUSED;
                sk.Done();
                break;
        }
    }

    /// <summary>tcp_send_fin, and tcp_fin at the peer (RCV_SHUTDOWN, SOCK_DONE).</summary>
    private void SendFin()
    {
        SentFin = true;
        _activeCloser = !PeerFin;
        if (Peer is { State: TcpState.Established } peer)
        {
            peer.PeerFin = true;
            peer.ShutdownMask |= SocketAbi.RcvShutdown;
        }
    }

    private void ResetPeer()
    {
        if (Peer is { } peer)
        {
            ReceiveReset(peer);
        }
    }

    /// <summary>tcp_done: the connection is over; an autobound port goes back.</summary>
    private void Done()
    {
        State = TcpState.Closed;
        ShutdownMask = SocketAbi.ShutdownMask;
        if (!PortLocked)
        {
            ReleasePort();
        }
    }

    /// <summary>An orphan that got a reset, or a connection dropped with its listener, dies and frees its port.</summary>
    private void Destroy()
    {
        State = TcpState.Closed;
        ReleasePort();
    }

    /// <summary>inet_csk_listen_stop: connections never accepted are reset and freed.</summary>
    private void StopListening()
    {
        foreach (var child in _acceptQueue)
        {
            child.ResetPeer();
            child.Destroy();
        }

        _acceptQueue.Clear();
    }
}
