using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>The socket calls that move data: sendto, recvfrom, sendmsg, recvmsg.</summary>
/// <remarks>
/// net/socket.c __sys_sendto, __sys_recvfrom, ___sys_sendmsg, ___sys_recvmsg (6.12): an
/// O_NONBLOCK file adds MSG_DONTWAIT. Output arguments are printed only on success; a failed
/// call leaves its arguments as written.
/// </remarks>
internal static class SocketIoCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("sendto", SendTo);
        table.Register("recvfrom", RecvFrom);
        table.Register("sendmsg", SendMsg);
        table.Register("recvmsg", RecvMsg);
    }

    // sendto(3, "hi", 2, 0, {sa_family=AF_UNIX, sun_path=@"srv"}, 6) = 2; send() is sendto(..., NULL, 0).
    private static SyscallOutcome SendTo(SyscallContext ctx)
    {
        ctx.Arity(6);
        var data = Buffer(ctx, 1, checked((int)ctx.Int(2)));
        var (file, socket) = SocketCalls.SocketArg(ctx, 0);
        var to = SocketCalls.AddressArg(ctx, 4, checked((int)ctx.Int(5)));
        var flags = Flags(ctx, 3, file.NonBlocking);
        return Bytes(SocketLayer.Send(ctx.Kernel, ctx.Caller, socket, new SendRequest(data, to, flags, null)));
    }

    // recvfrom(3, "hi", 64, MSG_DONTWAIT, NULL, NULL) = 2, with the sender's address when asked for.
    private static SyscallOutcome RecvFrom(SyscallContext ctx)
    {
        ctx.Arity(6);
        var size = checked((int)ctx.Int(2));
        var (file, socket) = SocketCalls.SocketArg(ctx, 0);
        var flags = Flags(ctx, 3, file.NonBlocking);
        var result = new RecvResult();
        var n = SocketLayer.Receive(ctx.Kernel, ctx.Caller, socket, new RecvRequest(size, flags), result, out _);
        if (n < 0)
        {
            return SyscallOutcome.Fail((Errno)(-n));
        }

        var outcome = SyscallOutcome.Ok(n).WithOutput(1, StringExpr.Of(result.Data));
        if (!ctx.IsNull(4))
        {
            var before = SockAddrCodec.LengthBefore(ctx, 5);
            if (result.From is { } from)
            {
                outcome = outcome.WithOutput(4, SockAddrCodec.Render(from));
            }

            outcome = outcome.WithOutput(5, SockAddrCodec.LengthAfter(before, result.From is { } f ? SockAddrCodec.LengthOf(f) : 0));
        }

        return outcome;
    }

    // sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hi", iov_len=2}], msg_iovlen=1,
    //   msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}], msg_controllen=24, msg_flags=0}, 0) = 2
    private static SyscallOutcome SendMsg(SyscallContext ctx)
    {
        ctx.Arity(3);
        var (file, socket) = SocketCalls.SocketArg(ctx, 0);
        var message = MsgHdrCodec.ReadOutgoing(ctx, ctx.Arg(1));
        var flags = Flags(ctx, 2, file.NonBlocking);
        var request = new SendRequest(message.Data, message.Name, flags, message.Rights);
        return Bytes(SocketLayer.Send(ctx.Kernel, ctx.Caller, socket, request));
    }

    // recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hi", iov_len=16}], ...}, 0) = 2
    private static SyscallOutcome RecvMsg(SyscallContext ctx)
    {
        ctx.Arity(3);
        var (file, socket) = SocketCalls.SocketArg(ctx, 0);
        var template = MsgHdrCodec.ReadTemplate(ctx, ctx.Arg(1));
        var flags = Flags(ctx, 2, file.NonBlocking);
        var result = new RecvResult();
        var n = SocketLayer.Receive(ctx.Kernel, ctx.Caller, socket, new RecvRequest(template.Size, flags, template.ControlCapacity), result, out var fds);
        return n < 0
            ? SyscallOutcome.Fail((Errno)(-n))
            : SyscallOutcome.Ok(n).WithOutput(1, MsgHdrCodec.RenderReceived(template, result, fds, flags));
    }

    /// <summary>The MSG_* flags argument, with MSG_DONTWAIT for an O_NONBLOCK file.</summary>
    private static int Flags(SyscallContext ctx, int index, bool nonBlocking) =>
        (int)ctx.Flags(index, MsgFlags.Table) | (nonBlocking ? MsgFlags.DontWait : 0);

    /// <summary>The bytes of a buffer argument: the string as written, cut or padded with NULs to the length.</summary>
    private static byte[] Buffer(SyscallContext ctx, int index, int length)
    {
        var data = new byte[Math.Max(0, length)];
        if (ctx.Arg(index) is StringExpr text)
        {
            text.Bytes.AsSpan(0, Math.Min(text.Bytes.Length, data.Length)).CopyTo(data);
        }

        return data;
    }

    private static SyscallOutcome Bytes(long n) => n < 0 ? SyscallOutcome.Fail((Errno)(-n)) : SyscallOutcome.Ok(n);
}
