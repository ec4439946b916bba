using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// An AF_UNIX socket: its name (pathname, abstract, or none), its peer, its state, and its receive
/// queue, which on a listener holds the connections waiting for accept.
/// </summary>
/// <remarks>
/// net/unix/af_unix.c (6.12): unix_create, unix_bind, unix_autobind, unix_listen, unix_getname,
/// unix_shutdown, unix_release_sock here; connect and accept in UnixSocket.Connect.cs; send and
/// receive in UnixSocket.Io.cs. Abstract names live in the socket's network namespace, per socket
/// type (unix_abstract_hash mixes the type in); pathname sockets are found through the file
/// system's socket node, in any namespace.
/// </remarks>
public sealed partial class UnixSocket : Socket
{
    /// <summary>net.unix.max_dgram_qlen's default: a socket's receive queue limit until listen sets the backlog.</summary>
    public const int MaxDgramQlen = 10;

    /// <summary>sizeof(struct sockaddr_un).</summary>
    public const int SockaddrUnSize = 110;

    private readonly LinkedList<SocketMessage> _queue = new();
    private bool _inAbstractTable;
    private bool _releasedAsEmbryo;

    private UnixSocket(NetNamespace netNs, int type, int protocol)
        : base(SocketAbi.AfUnix, type, protocol, netNs)
    {
    }

    /// <summary>The bound address (u->addr): null while unbound; an embryo and an accepted socket share the listener's.</summary>
    public UnixAddress? Name { get; private set; }

    /// <summary>The socket node a pathname bind made (u->path), or null.</summary>
    public Inode? PathInode { get; private set; }

    /// <summary>sk_state.</summary>
    public UnixState State { get; private set; }

    /// <summary>unix_peer: the connected peer, which may have been closed since.</summary>
    public UnixSocket? Peer { get; private set; }

    /// <summary>sk_max_ack_backlog: the receive queue is full when longer than this.</summary>
    public int MaxBacklog { get; private set; } = MaxDgramQlen;

    /// <summary>The receive queue (data, or connections waiting on a listener).</summary>
    public IReadOnlyCollection<SocketMessage> Queue => _queue;

    /// <inheritdoc/>
    public override bool IsListening => State == UnixState.Listen;

    /// <summary>unix_recvq_full: the queue holds more than the backlog.</summary>
    private bool IsQueueFull => _queue.Count > MaxBacklog;

    /// <summary>
    /// unix_create: protocol 0 or PF_UNIX, else EPROTONOSUPPORT; SOCK_RAW becomes SOCK_DGRAM; any
    /// type but stream, datagram and seqpacket is ESOCKTNOSUPPORT.
    /// </summary>
    public static Errno Create(NetNamespace netNs, int type, int protocol, out Socket? socket)
    {
        socket = null;
        if (protocol != 0 && protocol != SocketAbi.AfUnix)
        {
            return Errno.EPROTONOSUPPORT;
        }

        switch (type)
        {
            case SocketAbi.SockStream or SocketAbi.SockDgram or SocketAbi.SockSeqpacket:
                break;
            case SocketAbi.SockRaw:
                type = SocketAbi.SockDgram;
                break;
            default:
                return Errno.ESOCKTNOSUPPORT;
        }

        socket = new UnixSocket(netNs, type, protocol);
        return Errno.None;
    }

    /// <summary>unix_socketpair: joins two new sockets back to back; both report <paramref name="task"/> as peer (init_peercred).</summary>
    public static void Pair(UnixSocket a, UnixSocket b, Task task)
    {
        a.Peer = b;
        b.Peer = a;
        a.State = UnixState.Established;
        b.State = UnixState.Established;
        a.PeerCred = b.PeerCred = SocketPeerCred.Of(task);
    }

    /// <summary>
    /// The name a sockaddr_un of <paramref name="length"/> bytes holds: an abstract name is all
    /// length−3 bytes after the NUL (bytes past what was written read as NULs); a path stops at
    /// its first NUL (unix_mkname_bsd). A first byte of NUL makes it abstract.
    /// </summary>
    public static UnixAddress EffectiveName(UnixAddress written, int length)
    {
        var room = length - 2;
        var bytes = written.Kind switch
        {
            UnixAddressKind.Abstract => "\0" + written.Name,
            _ => written.Name,
        };
        bytes = bytes.Length >= room ? bytes[..room] : bytes.PadRight(room, '\0');
        if (bytes.Length > 0 && bytes[0] == '\0')
        {
            return new UnixAddress(UnixAddressKind.Abstract, bytes[1..]);
        }

        var nul = bytes.IndexOf('\0', StringComparison.Ordinal);
        return new UnixAddress(UnixAddressKind.Pathname, nul < 0 ? bytes : bytes[..nul]);
    }

    /// <summary>unix_bind: autobind for a bare family, else a path or an abstract name.</summary>
    public override Errno Bind(KernelState kernel, Task task, UserSockAddr address)
    {
        if (address.Length == 2 && address.Family == SocketAbi.AfUnix)
        {
            return Autobind();
        }

        var error = ValidatedName(kernel, task, address, out var name);
        if (error != Errno.None)
        {
            return error;
        }

        return name!.Kind == UnixAddressKind.Pathname ? BindPath(kernel, task, name) : BindAbstract(name);
    }

    /// <summary>unix_listen.</summary>
    public override Errno Listen(KernelState kernel, Task task, int backlog)
    {
        if (Type != SocketAbi.SockStream && Type != SocketAbi.SockSeqpacket)
        {
            return Errno.EOPNOTSUPP;
        }

        // No listens on an unbound socket, nor on a connected one.
        if (Name is null || (State != UnixState.Close && State != UnixState.Listen))
        {
            return Errno.EINVAL;
        }

        MaxBacklog = backlog;
        State = UnixState.Listen;

        // update_peercred: set on every listen, so that connect can copy them.
        PeerCred = SocketPeerCred.Of(task);
        return Errno.None;
    }

    /// <summary>unix_getname: ENOTCONN for a peer that is not there; an unbound socket's name is the bare family.</summary>
    public override Errno GetName(bool peer, out SockAddr? address)
    {
        address = null;
        var sk = peer ? Peer : this;
        if (sk is null)
        {
            return Errno.ENOTCONN;
        }

        address = sk.Name ?? UnixAddress.Unnamed;
        return Errno.None;
    }

    /// <summary>unix_shutdown: marks this end, and for stream and seqpacket the peer's opposite end.</summary>
    public override Errno Shutdown(KernelState kernel, Task task, int how)
    {
        if (how < SocketAbi.ShutRd || how > SocketAbi.ShutRdwr)
        {
            return Errno.EINVAL;
        }

        var mode = how + 1;
        ShutdownMask |= mode;
        if (Peer is { } other && Type != SocketAbi.SockDgram)
        {
            var peerMode = ((mode & SocketAbi.RcvShutdown) != 0 ? SocketAbi.SendShutdown : 0)
                | ((mode & SocketAbi.SendShutdown) != 0 ? SocketAbi.RcvShutdown : 0);
            other.ShutdownMask |= peerMode;
        }

        return Errno.None;
    }

    /// <summary>The name for channel records and reports: <c>@"name"</c>, the path, or <c>unnamed</c>.</summary>
    public string Describe() => Name switch
    {
        { Kind: UnixAddressKind.Abstract } n => $"@\"{n.Name}\"",
        { Kind: UnixAddressKind.Pathname } n => n.Name,
        _ => "unnamed",
    };

    /// <summary>unix_release_sock: drops the name, tells a stream peer, and flushes the queue.</summary>
    protected override void Close(KernelState kernel) => ReleaseSock(kernel, _releasedAsEmbryo);

    private void ReleaseSock(KernelState kernel, bool embryo)
    {
        if (_inAbstractTable)
        {
            NetNs.RemoveAbstract(Type, Name!.Name, this);
            _inAbstractTable = false;
        }

        if (PathInode is { } node && node.BoundSocket == this)
        {
            node.BoundSocket = null;
        }

        ShutdownMask = SocketAbi.ShutdownMask;
        var state = State;
        State = UnixState.Close;
        var pair = Peer;
        Peer = null;
        if (pair is not null && Type != SocketAbi.SockDgram)
        {
            pair.ShutdownMask = SocketAbi.ShutdownMask;
            if (_queue.Count > 0 || embryo)
            {
                pair.PendingError = Errno.ECONNRESET;
            }
        }

        while (_queue.First is { } head)
        {
            _queue.RemoveFirst();
            if (state == UnixState.Listen && head.Value.Embryo is { } waiting)
            {
                // unix_release_sock(skb->sk, 1): the connection never accepted resets its client.
                waiting._releasedAsEmbryo = true;
                waiting.ReleaseSocket(kernel);
            }

            head.Value.DropFiles(kernel);
        }
    }

    private Errno ValidatedName(KernelState kernel, Task task, UserSockAddr address, out UnixAddress? name)
    {
        name = null;
        if (address.Length <= 2 || address.Length > SockaddrUnSize || address.Family != SocketAbi.AfUnix
            || address.Address is not UnixAddress written)
        {
            // unix_validate_addr.
            return Errno.EINVAL;
        }

        name = EffectiveName(written, address.Length);
        return kernel.Security.UnixAddressCheck(task, this, name);
    }

    private Errno Autobind()
    {
        if (Name is not null)
        {
            return Errno.None;
        }

        for (var tries = 0; tries <= 0xFFFFF; tries++)
        {
            NetNs.UnixAutobindCursor = (NetNs.UnixAutobindCursor + 1) & 0xFFFFF;
            var candidate = NetNs.UnixAutobindCursor.ToString("x5", System.Globalization.CultureInfo.InvariantCulture);
            if (NetNs.FindAbstract(Type, candidate) is null)
            {
                return EnterAbstract(new UnixAddress(UnixAddressKind.Abstract, candidate));
            }
        }

        // Every name is taken.
        return Errno.ENOSPC;
    }

    private Errno BindAbstract(UnixAddress name)
    {
        if (Name is not null)
        {
            return Errno.EINVAL;
        }

        return NetNs.FindAbstract(Type, name.Name) is null ? EnterAbstract(name) : Errno.EADDRINUSE;
    }

    private Errno EnterAbstract(UnixAddress name)
    {
        NetNs.AddAbstract(Type, name.Name, this);
        _inAbstractTable = true;
        Name = name;
        return Errno.None;
    }

    private Errno BindPath(KernelState kernel, Task task, UnixAddress name)
    {
        // unix_bind_bsd makes the node first (EEXIST becomes EADDRINUSE), then finds the socket
        // already bound, unlinks what it made and fails with EINVAL.
        var error = kernel.Fs.CreateSocketNode(kernel, task, name.Name, this, out var node);
        if (error != Errno.None)
        {
            return error;
        }

        if (Name is not null)
        {
            node!.BoundSocket = null;
            NameOps.Unlink(kernel, task, kernel.Fs.Root, name.Name);
            return Errno.EINVAL;
        }

        Name = name;
        PathInode = node;
        return Errno.None;
    }

    /// <summary>unix_find_other: the socket a name reaches, of this socket's type.</summary>
    private Errno FindOther(KernelState kernel, Task task, UnixAddress name, out UnixSocket? other)
    {
        other = null;
        if (name.Kind == UnixAddressKind.Abstract)
        {
            other = NetNs.FindAbstract(Type, name.Name);
            return other is null ? Errno.ECONNREFUSED : Errno.None;
        }

        var error = kernel.Fs.LookupSocketNode(kernel, task, name.Name, out var found);
        if (error != Errno.None)
        {
            return error;
        }

        if (found is not UnixSocket unix || unix.IsReleased)
        {
            return Errno.ECONNREFUSED;
        }

        // unix_find_bsd: a node of a socket of another type is EPROTOTYPE.
        if (unix.Type != Type)
        {
            return Errno.EPROTOTYPE;
        }

        other = unix;
        return Errno.None;
    }
}
