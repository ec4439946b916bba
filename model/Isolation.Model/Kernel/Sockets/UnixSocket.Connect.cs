using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>AF_UNIX connect and accept.</summary>
/// <remarks>net/unix/af_unix.c unix_stream_connect, unix_dgram_connect, unix_accept (6.12).</remarks>
public sealed partial class UnixSocket
{
    /// <inheritdoc/>
    public override Socket? NextAcceptable => State == UnixState.Listen ? _queue.First?.Value.Embryo : null;

    /// <summary>unix_stream_connect for stream and seqpacket sockets, unix_dgram_connect for datagram sockets.</summary>
    public override Errno Connect(KernelState kernel, Task task, UserSockAddr address, bool nonBlocking) =>
        Type == SocketAbi.SockDgram ? DgramConnect(kernel, task, address) : StreamConnect(kernel, task, address);

    /// <summary>
    /// unix_accept: EOPNOTSUPP for a datagram socket, EINVAL when not listening, EAGAIN when no
    /// connection waits (a blocking accept would wait: the scenario rule makes that EAGAIN too,
    /// except after shutdown, where the kernel answers EINVAL).
    /// </summary>
    public override Errno Accept(KernelState kernel, Task task, bool nonBlocking, out Socket? accepted)
    {
        accepted = null;
        if (Type != SocketAbi.SockStream && Type != SocketAbi.SockSeqpacket)
        {
            return Errno.EOPNOTSUPP;
        }

        if (State != UnixState.Listen)
        {
            return Errno.EINVAL;
        }

        var error = TakeError();
        if (error != Errno.None)
        {
            return error;
        }

        if (_queue.First is not { } head)
        {
            return !nonBlocking && (ShutdownMask & SocketAbi.RcvShutdown) != 0 ? Errno.EINVAL : Errno.EAGAIN;
        }

        _queue.RemoveFirst();
        var embryo = head.Value.Embryo!;
        embryo.PassCred |= PassCred;
        accepted = embryo;
        return Errno.None;
    }

    private Errno StreamConnect(KernelState kernel, Task task, UserSockAddr address)
    {
        var error = ValidatedName(kernel, task, address, out var name);
        if (error == Errno.None && PassCred && Name is null)
        {
            error = Autobind();
        }

        if (error != Errno.None)
        {
            return error;
        }

        var embryo = new UnixSocket(NetNs, Type, Protocol);
        error = FindOther(kernel, task, name!, out var other);
        if (error != Errno.None)
        {
            return error;
        }

        if (other!.State != UnixState.Listen || (other.ShutdownMask & SocketAbi.RcvShutdown) != 0)
        {
            return Errno.ECONNREFUSED;
        }

        // A full backlog is checked before this socket's own state: a connected socket connecting
        // to a full listener gets EAGAIN. A blocking connect would wait for room; the model cannot.
        if (other.IsQueueFull)
        {
            return Errno.EAGAIN;
        }

        if (State != UnixState.Close)
        {
            return State == UnixState.Established ? Errno.EISCONN : Errno.EINVAL;
        }

        error = kernel.Security.UnixStreamConnect(task, this, other, embryo);
        if (error != Errno.None)
        {
            return error;
        }

        // init_peercred(newsk): the accepted socket reports the connecting process; copy_peercred:
        // the connecting socket reports the listener's, as of its listen().
        embryo.PeerCred = SocketPeerCred.Of(task);
        PeerCred = other.PeerCred;
        embryo.Peer = this;
        embryo.State = UnixState.Established;
        embryo.Name = other.Name;
        embryo.PathInode = other.PathInode;
        Peer = embryo;
        State = UnixState.Established;
        other._queue.AddLast(new SocketMessage([]) { Embryo = embryo, SenderTask = task, Sender = this, SentAt = kernel.Clock });
        return Errno.None;
    }

    private Errno DgramConnect(KernelState kernel, Task task, UserSockAddr address)
    {
        if (address.Length < 2)
        {
            return Errno.EINVAL;
        }

        UnixSocket? other = null;
        if (address.Family != SocketAbi.AfUnspec)
        {
            var error = ValidatedName(kernel, task, address, out var name);
            if (error == Errno.None && PassCred && Name is null)
            {
                error = Autobind();
            }

            if (error == Errno.None)
            {
                error = FindOther(kernel, task, name!, out other);
            }

            if (error == Errno.None && !MaySend(other!))
            {
                // The other socket is connected to someone else.
                error = Errno.EPERM;
            }

            if (error == Errno.None)
            {
                error = kernel.Security.UnixMaySend(task, this, other!);
            }

            if (error != Errno.None)
            {
                return error;
            }

            State = UnixState.Established;
            other!.State = UnixState.Established;
        }

        if (Peer is { } oldPeer)
        {
            Peer = other;
            if (other is null)
            {
                State = UnixState.Close;
            }

            if (other != oldPeer)
            {
                DgramDisconnected(kernel, oldPeer);
                if (oldPeer.Peer is null)
                {
                    oldPeer.State = UnixState.Close;
                }
            }
        }
        else
        {
            Peer = other;
        }

        return Errno.None;
    }

    /// <summary>unix_may_send: a socket connected to someone else takes datagrams only from its peer.</summary>
    private bool MaySend(UnixSocket other) => other.Peer is null || other.Peer == this;

    /// <summary>unix_dgram_disconnected: this socket left <paramref name="other"/>; its queue is purged.</summary>
    private void DgramDisconnected(KernelState kernel, UnixSocket other)
    {
        if (_queue.Count == 0)
        {
            return;
        }

        Purge(kernel);
        if (!other.IsReleased && other.Peer == this)
        {
            other.PendingError = Errno.ECONNRESET;
        }
    }

    private void Purge(KernelState kernel)
    {
        foreach (var message in _queue)
        {
            message.DropFiles(kernel);
        }

        _queue.Clear();
    }
}
