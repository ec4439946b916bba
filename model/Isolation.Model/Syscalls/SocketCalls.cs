using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// The socket calls that make, name and connect sockets: socket, socketpair, bind, listen,
/// accept, accept4, connect, shutdown, getsockname, getpeername. Sending and receiving are in
/// <see cref="SocketIoCalls"/>, options and interface ioctls in <see cref="SocketOptionCalls"/>.
/// </summary>
/// <remarks>net/socket.c __sys_socket, __sys_socketpair, __sys_bind, __sys_listen, __sys_accept4, __sys_connect, __sys_shutdown, __sys_getsockname, __sys_getpeername (6.12).</remarks>
internal static class SocketCalls
{
    /// <summary>sizeof(struct sockaddr_storage): the longest address move_addr_to_kernel takes.</summary>
    private const int SockaddrStorageSize = 128;

    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("socket", Socket);
        table.Register("socketpair", Socketpair);
        table.Register("bind", Bind);
        table.Register("listen", Listen);
        table.Register("accept", ctx => Accept(ctx, 3, 0));
        table.Register("accept4", ctx => Accept(ctx, 4, ctx.Has(3) ? (int)ctx.Flags(3, SocketAbi.AcceptFlags) : 0));
        table.Register("connect", Connect);
        table.Register("shutdown", Shutdown);
        table.Register("getsockname", ctx => GetName(ctx, peer: false));
        table.Register("getpeername", ctx => GetName(ctx, peer: true));
        SocketIoCalls.Register(table);
        SocketOptionCalls.Register(table);
    }

    /// <summary>The socket behind descriptor argument <paramref name="index"/>: EBADF, or ENOTSOCK for another file.</summary>
    internal static (OpenFile File, Socket Socket) SocketArg(SyscallContext ctx, int index)
    {
        var file = ctx.File(index);
        return (file, file.Object as Socket ?? throw new KernelError(Errno.ENOTSOCK));
    }

    /// <summary>
    /// move_addr_to_kernel: the sockaddr argument at <paramref name="index"/> with its length
    /// (EINVAL out of range). sendto ignores a NULL address whatever its length; bind and connect
    /// copy from it (<paramref name="nullFaults"/>: EFAULT).
    /// </summary>
    internal static UserSockAddr? AddressArg(SyscallContext ctx, int index, int length, bool nullFaults = false)
    {
        if (ctx.IsNull(index) && !(nullFaults && length > 0))
        {
            return null;
        }

        if (length < 0 || length > SockaddrStorageSize)
        {
            throw new KernelError(Errno.EINVAL);
        }

        if (ctx.IsNull(index))
        {
            throw new KernelError(Errno.EFAULT);
        }

        return SockAddrCodec.Read(ctx, index, length);
    }

    /// <summary>The type argument split into the type and the SOCK_NONBLOCK/SOCK_CLOEXEC flags; EINVAL for other bits.</summary>
    private static (int Type, int Flags) TypeArg(SyscallContext ctx, int index)
    {
        var raw = (int)ctx.Flags(index, SocketAbi.Types);
        var flags = raw & ~SocketAbi.SockTypeMask;
        if ((flags & ~(SocketAbi.SockCloexec | SocketAbi.SockNonBlock)) != 0)
        {
            throw new KernelError(Errno.EINVAL);
        }

        return (raw & SocketAbi.SockTypeMask, flags);
    }

    private static OpenFile NewFile(Socket socket, int flags) =>
        new(socket, OpenFlags.ReadWrite | (flags & SocketAbi.SockNonBlock));

    // socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3; sock_map_fd takes the descriptor after the socket exists.
    private static SyscallOutcome Socket(SyscallContext ctx)
    {
        ctx.Arity(3);
        var family = (int)ctx.Flags(0, SocketAbi.Families);
        var (type, flags) = TypeArg(ctx, 1);
        var protocol = (int)ctx.Flags(2, SocketAbi.Protocols);
        var error = SocketLayer.Create(ctx.Kernel, ctx.Caller, family, type, protocol, out var socket);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        var (fd, installError) = Descriptors.Install(ctx.Caller, NewFile(socket!, flags), (flags & SocketAbi.SockCloexec) != 0);
        if (installError != Errno.None)
        {
            socket!.ReleaseSocket(ctx.Kernel);
            return SyscallOutcome.Fail(installError);
        }

        return SyscallOutcome.Ok(fd);
    }

    // socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0: both descriptors are reserved before the sockets are made.
    private static SyscallOutcome Socketpair(SyscallContext ctx)
    {
        ctx.Arity(4);
        var family = (int)ctx.Flags(0, SocketAbi.Families);
        var (type, flags) = TypeArg(ctx, 1);
        var protocol = (int)ctx.Flags(2, SocketAbi.Protocols);
        var limit = Descriptors.Limit(ctx.Caller);
        var fd1 = ctx.Caller.Files.LowestFree(0, limit);
        var fd2 = fd1 < 0 ? -1 : ctx.Caller.Files.LowestFree(fd1 + 1, limit);
        if (fd2 < 0)
        {
            return SyscallOutcome.Fail(Errno.EMFILE);
        }

        var error = SocketLayer.CreatePair(ctx.Kernel, ctx.Caller, family, type, protocol, out var a, out var b);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        var cloexec = (flags & SocketAbi.SockCloexec) != 0;
        ctx.Caller.Files.InstallAt(fd1, NewFile(a!, flags), cloexec);
        ctx.Caller.Files.InstallAt(fd2, NewFile(b!, flags), cloexec);
        return SyscallOutcome.Ok().WithOutput(3, SockAddrCodec.Numbers([fd1, fd2]));
    }

    // bind(3, {sa_family=AF_UNIX, sun_path=@"proxy"}, 8) = 0.
    private static SyscallOutcome Bind(SyscallContext ctx)
    {
        ctx.Arity(3);
        var (_, socket) = SocketArg(ctx, 0);
        var address = AddressArg(ctx, 1, checked((int)ctx.Int(2)), nullFaults: true) ?? new UserSockAddr(SocketAbi.AfUnspec, 0, new OtherAddress(SocketAbi.AfUnspec));
        return Result(SocketLayer.Bind(ctx.Kernel, ctx.Caller, socket, address));
    }

    // listen(3, 8) = 0.
    private static SyscallOutcome Listen(SyscallContext ctx)
    {
        ctx.Arity(2);
        var (_, socket) = SocketArg(ctx, 0);
        return Result(SocketLayer.Listen(ctx.Kernel, ctx.Caller, socket, checked((int)ctx.Int(1))));
    }

    // accept(3, NULL, NULL) = 4; accept4(3, {sa_family=AF_UNIX, sun_path=@"cli"}, [110 => 6], SOCK_CLOEXEC) = 5.
    // The listener's O_NONBLOCK decides whether accept waits; the flags only shape the new descriptor.
    private static SyscallOutcome Accept(SyscallContext ctx, int arity, int flags)
    {
        ctx.Arity(arity);
        var file = ctx.File(0);
        if ((flags & ~(SocketAbi.SockCloexec | SocketAbi.SockNonBlock)) != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        if (!Descriptors.HasFree(ctx.Caller))
        {
            return SyscallOutcome.Fail(Errno.EMFILE);
        }

        var listener = file.Object as Socket ?? throw new KernelError(Errno.ENOTSOCK);
        var error = SocketLayer.Accept(ctx.Kernel, ctx.Caller, listener, file.NonBlocking, out var accepted);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        var (fd, _) = Descriptors.Install(ctx.Caller, NewFile(accepted!, flags), (flags & SocketAbi.SockCloexec) != 0);
        var outcome = SyscallOutcome.Ok(fd);
        if (!ctx.IsNull(1) && accepted!.GetName(peer: true, out var peer) == Errno.None)
        {
            outcome = outcome.WithOutput(1, SockAddrCodec.Render(peer!))
                .WithOutput(2, SockAddrCodec.LengthAfter(SockAddrCodec.LengthBefore(ctx, 2), SockAddrCodec.LengthOf(peer!)));
        }

        return outcome;
    }

    // connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16) = 0.
    // The address is copied (EINVAL) before the descriptor is found to be a socket.
    private static SyscallOutcome Connect(SyscallContext ctx)
    {
        ctx.Arity(3);
        var file = ctx.File(0);
        var address = AddressArg(ctx, 1, checked((int)ctx.Int(2)), nullFaults: true) ?? new UserSockAddr(SocketAbi.AfUnspec, 0, new OtherAddress(SocketAbi.AfUnspec));
        var socket = file.Object as Socket ?? throw new KernelError(Errno.ENOTSOCK);
        return Result(SocketLayer.Connect(ctx.Kernel, ctx.Caller, socket, address, file.NonBlocking));
    }

    // shutdown(3, SHUT_WR) = 0.
    private static SyscallOutcome Shutdown(SyscallContext ctx)
    {
        ctx.Arity(2);
        var (_, socket) = SocketArg(ctx, 0);
        var how = (int)ctx.Flags(1, SocketAbi.ShutdownHow);
        return Result(SocketLayer.Shutdown(ctx.Kernel, ctx.Caller, socket, how));
    }

    // getsockname(3, {sa_family=AF_UNIX, sun_path=@"proxy"}, [110 => 8]) = 0.
    private static SyscallOutcome GetName(SyscallContext ctx, bool peer)
    {
        ctx.Arity(3);
        var (_, socket) = SocketArg(ctx, 0);
        var error = socket.GetName(peer, out var address);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        var before = SockAddrCodec.LengthBefore(ctx, 2);
        if (before < 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        return SyscallOutcome.Ok()
            .WithOutput(1, SockAddrCodec.Render(address!))
            .WithOutput(2, SockAddrCodec.LengthAfter(before, SockAddrCodec.LengthOf(address!)));
    }

    private static SyscallOutcome Result(Errno error) => error == Errno.None ? SyscallOutcome.Ok() : SyscallOutcome.Fail(error);
}
