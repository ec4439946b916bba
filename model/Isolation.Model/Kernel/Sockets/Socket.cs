using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Syscalls;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// A socket (struct socket with its struct sock): family, type, protocol, namespace, the state
/// every family shares (sk_err, sk_shutdown, SOL_SOCKET options), and the protocol operations
/// (proto_ops), which default to the <c>sock_no_*</c> answers.
/// </summary>
/// <remarks>include/linux/net.h, include/net/sock.h, net/core/sock.c (6.12).</remarks>
public class Socket : FileObject
{
    /// <summary>Creates a socket in <paramref name="netNs"/>.</summary>
    public Socket(int family, int type, int protocol, NetNamespace netNs)
    {
        Family = family;
        Type = type;
        Protocol = protocol;
        NetNs = netNs;
    }

    /// <summary>AF_UNIX, AF_INET, AF_INET6, …</summary>
    public int Family { get; }

    /// <summary>SOCK_STREAM, SOCK_DGRAM, … (without SOCK_NONBLOCK/SOCK_CLOEXEC).</summary>
    public int Type { get; }

    /// <summary>The protocol number (IPPROTO_TCP, IPPROTO_UDP, 0 for unix).</summary>
    public int Protocol { get; }

    /// <summary>The network namespace the socket was created in (sock_net).</summary>
    public NetNamespace NetNs { get; }

    /// <summary>The security blobs of the stacked modules (sk_security and the socket inode's).</summary>
    public SecurityBlobs Security { get; } = new();

    /// <summary>
    /// inet_saddr (AF_INET) or np->saddr (AF_INET6): the source address the socket sends from.
    /// Bind sets it, a bind that finds the port taken zeroes it, connect fills it when unset; a
    /// module's socket_post_create may preset it (bsdjail). Unused by other families.
    /// </summary>
    public IpAddr InetSaddr { get; set; }

    /// <summary>sk_err: an error waiting to be reported by the next call that checks it.</summary>
    public Errno PendingError { get; set; }

    /// <summary>sk_shutdown: RCV_SHUTDOWN and SEND_SHUTDOWN bits.</summary>
    public int ShutdownMask { get; set; }

    /// <summary>sk_reuse (SO_REUSEADDR).</summary>
    public bool ReuseAddress { get; set; }

    /// <summary>sk_reuseport (SO_REUSEPORT): inet sockets only.</summary>
    public bool ReusePort { get; set; }

    /// <summary>
    /// sock_i_uid: the kernel uid owning the socket's inode, the fsuid of the process that made the
    /// socket (sock_alloc), or root while no socket file holds it (a TCP connection not accepted yet).
    /// </summary>
    public int OwnerUid { get; set; }

    /// <summary>SO_BROADCAST.</summary>
    public bool Broadcast { get; set; }

    /// <summary>SOCK_PASSCRED (SO_PASSCRED).</summary>
    public bool PassCred { get; set; }

    /// <summary>SO_PEERCRED's source: null until a unix socket pairs, listens or connects (every other family).</summary>
    public SocketPeerCred? PeerCred { get; set; }

    /// <summary>Whether the last descriptor was closed (sock_release ran).</summary>
    public bool IsReleased { get; private set; }

    /// <summary>Whether the socket listens (SO_ACCEPTCONN).</summary>
    public virtual bool IsListening => false;

    /// <summary>sock_error: takes the pending error, leaving none.</summary>
    public Errno TakeError()
    {
        var error = PendingError;
        PendingError = Errno.None;
        return error;
    }

    /// <summary>proto_ops.bind.</summary>
    public virtual Errno Bind(KernelState kernel, Task task, UserSockAddr address) => Errno.EOPNOTSUPP;

    /// <summary>proto_ops.connect; <paramref name="nonBlocking"/> is the file's O_NONBLOCK.</summary>
    public virtual Errno Connect(KernelState kernel, Task task, UserSockAddr address, bool nonBlocking) => Errno.EOPNOTSUPP;

    /// <summary>proto_ops.listen (the backlog is already clamped to somaxconn).</summary>
    public virtual Errno Listen(KernelState kernel, Task task, int backlog) => Errno.EOPNOTSUPP;

    /// <summary>The socket the next accept would return, if one is waiting (for the accept hook).</summary>
    public virtual Socket? NextAcceptable => null;

    /// <summary>proto_ops.accept: takes the next connection off the queue.</summary>
    public virtual Errno Accept(KernelState kernel, Task task, bool nonBlocking, out Socket? accepted)
    {
        accepted = null;
        return Errno.EOPNOTSUPP;
    }

    /// <summary>proto_ops.sendmsg: the bytes sent, or a negative errno.</summary>
    public virtual long SendMessage(KernelState kernel, Task task, SendRequest request) => -(long)Errno.EOPNOTSUPP;

    /// <summary>proto_ops.recvmsg: the byte count, or a negative errno; fills <paramref name="result"/>.</summary>
    public virtual long ReceiveMessage(KernelState kernel, Task task, RecvRequest request, RecvResult result) => -(long)Errno.EOPNOTSUPP;

    /// <summary>proto_ops.shutdown with SHUT_RD/SHUT_WR/SHUT_RDWR.</summary>
    public virtual Errno Shutdown(KernelState kernel, Task task, int how) => Errno.EOPNOTSUPP;

    /// <summary>proto_ops.getname: the local address, or the peer's when <paramref name="peer"/>.</summary>
    public virtual Errno GetName(bool peer, out SockAddr? address)
    {
        address = null;
        return Errno.EOPNOTSUPP;
    }

    /// <summary>setsockopt: SOL_SOCKET here (sk_setsockopt), other levels in the family (EOPNOTSUPP when it has none).</summary>
    public virtual Errno SetOption(int level, int name, int value)
    {
        if (level != SockOptAbi.SolSocket)
        {
            return Errno.EOPNOTSUPP;
        }

        switch (name)
        {
            case SockOptAbi.SoReuseAddr:
                ReuseAddress = value != 0;
                return Errno.None;
            case SockOptAbi.SoBroadcast:
                Broadcast = value != 0;
                return Errno.None;
            case SockOptAbi.SoPassCred:
                PassCred = value != 0;
                return Errno.None;
            case SockOptAbi.SoReusePort when value != 0 && Family is not (SocketAbi.AfInet or SocketAbi.AfInet6):
                // sk_setsockopt: "if (valbool && !sk_is_inet(sk)) ret = -EOPNOTSUPP".
                return Errno.EOPNOTSUPP;
            case SockOptAbi.SoReusePort:
                ReusePort = value != 0;
                return Errno.None;
            case 1 or 5 or 7 or 8 or 9 or 10 or 18 or 19 or 36 or 42:
                // SO_DEBUG, SO_DONTROUTE, buffer sizes, keepalive, OOB inline, low-water marks,
                // SO_MARK, SO_PEEK_OFF: accepted; the model has no behaviour behind them.
                return Errno.None;
            default:
                // SO_TYPE, SO_ERROR, SO_DOMAIN, SO_PROTOCOL, SO_ACCEPTCONN are read-only: sk_setsockopt's default.
                return Errno.ENOPROTOOPT;
        }
    }

    /// <summary>getsockopt: SOL_SOCKET here (sk_getsockopt), other levels in the family.</summary>
    public virtual Errno GetOption(int level, int name, out int value)
    {
        value = 0;
        if (level != SockOptAbi.SolSocket)
        {
            return Errno.EOPNOTSUPP;
        }

        value = name switch
        {
            SockOptAbi.SoReuseAddr => ReuseAddress ? 1 : 0,
            SockOptAbi.SoReusePort => ReusePort ? 1 : 0,
            SockOptAbi.SoType => Type,
            SockOptAbi.SoError => (int)TakeError(),
            SockOptAbi.SoBroadcast => Broadcast ? 1 : 0,
            SockOptAbi.SoPassCred => PassCred ? 1 : 0,
            SockOptAbi.SoAcceptConn => IsListening ? 1 : 0,
            SockOptAbi.SoProtocol => Protocol,
            SockOptAbi.SoDomain => Family,
            _ => -1,
        };
        return value < 0 ? Errno.ENOPROTOOPT : Errno.None;
    }

    /// <summary>read(2) on a socket: sock_read_iter, a recvmsg without address or control buffer.</summary>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count)
    {
        if (count == 0)
        {
            return SyscallOutcome.Ok(0);
        }

        var flags = file.NonBlocking ? MsgFlags.DontWait : 0;
        var result = new RecvResult();
        var n = SocketLayer.Receive(ctx.Kernel, ctx.Caller, this, new RecvRequest(count, flags), result, out _);
        return n < 0
            ? SyscallOutcome.Fail((Errno)(-n))
            : SyscallOutcome.Ok(n).WithOutput(1, Isolation.Traces.Syntax.StringExpr.Of(result.Data));
    }

    /// <summary>write(2) on a socket: sock_write_iter, a sendmsg without address (MSG_EOR for seqpacket).</summary>
    public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data)
    {
        var flags = (file.NonBlocking ? MsgFlags.DontWait : 0) | (Type == SocketAbi.SockSeqpacket ? MsgFlags.Eor : 0);
        var n = SocketLayer.Send(ctx.Kernel, ctx.Caller, this, new SendRequest(data, null, flags, null));
        return n < 0 ? SyscallOutcome.Fail((Errno)(-n)) : SyscallOutcome.Ok(n);
    }

    /// <summary>The last descriptor is gone: sock_release runs the protocol's release once.</summary>
    public sealed override void Release(KernelState kernel, OpenFile file) => ReleaseSocket(kernel);

    /// <summary>Releases the socket (also used for sockets that never got a file, such as refused embryos).</summary>
    public void ReleaseSocket(KernelState kernel)
    {
        if (IsReleased)
        {
            return;
        }

        IsReleased = true;
        Close(kernel);
    }

    /// <summary>proto_ops.release: what closing the socket does to names, ports, peers and queues.</summary>
    protected virtual void Close(KernelState kernel)
    {
    }
}
