using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>Socket options and the interface ioctls: setsockopt, getsockopt, ioctl(SIOCGIFFLAGS/SIOCSIFFLAGS).</summary>
/// <remarks>
/// net/socket.c do_sock_setsockopt, do_sock_getsockopt, sock_ioctl; net/core/dev_ioctl.c
/// dev_ioctl, dev_ifsioc_locked; net/ipv4/devinet.c devinet_ioctl (6.12). An interface ioctl
/// acts on the socket's namespace, not the caller's; setting flags needs CAP_NET_ADMIN over that
/// namespace's owner (EPERM, checked before the device is looked up: ENODEV).
/// </remarks>
internal static class SocketOptionCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("setsockopt", SetSockOpt);
        table.Register("getsockopt", GetSockOpt);
        table.Register("ioctl", Ioctl);
    }

    // setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0.
    private static SyscallOutcome SetSockOpt(SyscallContext ctx)
    {
        ctx.Arity(5);
        var (_, socket) = SocketCalls.SocketArg(ctx, 0);
        var (level, name) = Option(ctx);
        var length = ctx.Int(4);
        if (length < 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var value = ctx.Arg(3) switch
        {
            ArrayExpr { Items: [IntExpr i] } => i.Value,
            IntExpr i => i.Value,
            var e => throw ctx.Error(e, "expected an option value such as [1]"),
        };

        // Every option the model knows is an int: a shorter buffer is EINVAL.
        var error = length < sizeof(int) && level is SockOptAbi.SolSocket or SockOptAbi.SolIpv6
            ? Errno.EINVAL
            : socket.SetOption(level, name, (int)value);
        return error == Errno.None ? SyscallOutcome.Ok() : SyscallOutcome.Fail(error);
    }

    // getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0.
    private static SyscallOutcome GetSockOpt(SyscallContext ctx)
    {
        ctx.Arity(5);
        var (_, socket) = SocketCalls.SocketArg(ctx, 0);
        var (level, name) = Option(ctx);
        var before = SockAddrCodec.LengthBefore(ctx, 4);
        if (before < 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        if (level == SockOptAbi.SolSocket && name == SockOptAbi.SoPeerCred)
        {
            return PeerCredentials(ctx, socket, before);
        }

        var error = socket.GetOption(level, name, out var value);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        Expr rendered = level == SockOptAbi.SolSocket && name == SockOptAbi.SoError && value != 0
            ? SymbolExpr.Of(((Errno)value).ToString())
            : IntExpr.Of(value);
        return SyscallOutcome.Ok()
            .WithOutput(3, new ArrayExpr([rendered], false, SourceSpan.None))
            .WithOutput(4, SockAddrCodec.LengthAfter(before, Math.Min(before, sizeof(int))));
    }

    // getsockopt(4, SOL_SOCKET, SO_PEERCRED, {pid=p1, uid=0, gid=0}, [12]) = 0: cred_to_ucred, the
    // peer's pid and effective ids as the caller's namespaces see them (65534 when unmapped), or
    // pid 0 and ids -1 when the socket has no peer credentials (net/core/sock.c, 6.12).
    private static SyscallOutcome PeerCredentials(SyscallContext ctx, Socket socket, int before)
    {
        const int UcredSize = 3 * sizeof(int);
        if (before < UcredSize)
        {
            throw ctx.Error(ctx.Arg(4), "SO_PEERCRED into a buffer shorter than struct ucred (12 bytes) is not modelled");
        }

        var peer = socket.PeerCred;
        var view = ctx.Caller.Cred.UserNs;
        var ucred = new StructExpr(
            [
                new FieldExpr("pid", peer is null ? IntExpr.Of(0) : SymbolExpr.Of(peer.Task.Name), SourceSpan.None),
                new FieldExpr("uid", IntExpr.Of(peer is null ? uint.MaxValue : view.FromKuidMunged(peer.Cred.Euid)), SourceSpan.None),
                new FieldExpr("gid", IntExpr.Of(peer is null ? uint.MaxValue : view.FromKgidMunged(peer.Cred.Egid)), SourceSpan.None),
            ],
            SourceSpan.None);
        return SyscallOutcome.Ok().WithOutput(3, ucred).WithOutput(4, SockAddrCodec.LengthAfter(before, UcredSize));
    }

    // ioctl(3, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}) = 0.
    private static SyscallOutcome Ioctl(SyscallContext ctx)
    {
        ctx.Arity(3);
        var file = ctx.File(0);
        var request = (int)ctx.Flags(1, NetDeviceAbi.Requests);
        if (file.Object is not Socket socket || request is not (NetDeviceAbi.SiocGifFlags or NetDeviceAbi.SiocSifFlags))
        {
            // Not a socket, or a request the model does not carry out: no such ioctl here.
            return SyscallOutcome.Fail(Errno.ENOTTY);
        }

        var ifreq = ctx.Arg(2) as StructExpr ?? throw ctx.Error(ctx.Arg(2), "expected {ifr_name=\"lo\", ifr_flags=...}");
        var name = ifreq.Field("ifr_name") as StringExpr ?? throw ctx.Error(ifreq, "expected ifr_name=\"...\"");
        var ns = socket.NetNs;
        if (request == NetDeviceAbi.SiocSifFlags
            && !Capabilities.NsCapable(ctx.Kernel, ctx.Caller, ns.Owner, Capability.NetAdmin))
        {
            return SyscallOutcome.Fail(Errno.EPERM);
        }

        if (ns.FindDevice(name.Text) is not { } device)
        {
            return SyscallOutcome.Fail(Errno.ENODEV);
        }

        if (request == NetDeviceAbi.SiocSifFlags)
        {
            var flags = ifreq.Field("ifr_flags") is { } f ? NetDeviceAbi.Flags.Decode(f) : 0;
            ns.SetUp(device, (flags & NetDeviceAbi.IffUp) != 0);
            return SyscallOutcome.Ok();
        }

        var filled = new StructExpr(
            [
                new FieldExpr("ifr_name", StringExpr.Of(device.Name), SourceSpan.None),
                new FieldExpr("ifr_flags", NetDeviceAbi.Flags.RenderFlags(device.Flags), SourceSpan.None),
            ],
            SourceSpan.None);
        return SyscallOutcome.Ok().WithOutput(2, filled);
    }

    /// <summary>The level and option name arguments, named by the level's table.</summary>
    private static (int Level, int Name) Option(SyscallContext ctx)
    {
        var level = (int)ctx.Flags(1, SockOptAbi.Levels);
        var table = level switch
        {
            SockOptAbi.SolSocket => SockOptAbi.SocketOptions,
            SockOptAbi.SolIpv6 => SockOptAbi.Ipv6Options,
            SockOptAbi.SolTcp => SockOptAbi.TcpOptions,
            _ => null,
        };
        var name = table is null ? ctx.Int(2) : ctx.Flags(2, table);
        return (level, (int)name);
    }
}
