using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Syscalls;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Sockets;

/// <summary>Socket addresses and msghdr as strace 6.x prints them, both ways.</summary>
public sealed class SockAddrCodecTests
{
    [Theory]
    [InlineData("{sa_family=AF_UNIX, sun_path=\"/run/x.sock\"}")]
    [InlineData("{sa_family=AF_UNIX, sun_path=@\"name\"}")]
    [InlineData("{sa_family=AF_UNIX}")]
    [InlineData("{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"10.0.0.5\")}")]
    [InlineData("{sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}")]
    public void Address_RoundTrips(string text)
    {
        var ctx = Context($"bind(3, {text}, 16)");
        var decoded = SockAddrCodec.Decode(ctx, ctx.Arg(1), 16);
        Assert.Equal(text, TracePrinter.PrintExpr(SockAddrCodec.Render(decoded.Address)));
    }

    [Fact]
    public void AbstractName_DecodesWithoutTheLeadingNul()
    {
        var ctx = Context("bind(3, {sa_family=AF_UNIX, sun_path=@\"proxy\"}, 8)");
        var decoded = SockAddrCodec.Decode(ctx, ctx.Arg(1), 8);
        Assert.Equal(new UserSockAddr(1, 8, new UnixAddress(UnixAddressKind.Abstract, "proxy")), decoded);
        Assert.Equal(8, SockAddrCodec.LengthOf(decoded.Address));
    }

    [Theory]
    [InlineData("bind(3, {sa_family=AF_INET, sin_port=htons(80)}, 16)")]
    [InlineData("bind(3, {sa_family=AF_INET, sin_port=htons(70000), sin_addr=inet_addr(\"1.2.3.4\")}, 16)")]
    [InlineData("bind(3, {sa_family=AF_INET, sin_port=htons(1), sin_addr=inet_addr(\"::1\")}, 16)")]
    [InlineData("bind(3, {sun_path=\"/x\"}, 16)")]
    [InlineData("bind(3, 0x1234, 16)")]
    public void MalformedAddress_IsATraceErrorAtItsPlace(string call)
    {
        var ctx = Context(call);
        var e = Assert.Throws<TraceException>(() => SockAddrCodec.Decode(ctx, ctx.Arg(1), 16));
        Assert.Equal(2, e.Diagnostic.Span.Line);
        Assert.True(e.Diagnostic.Span.Column > 1);
    }

    [Theory]
    [InlineData("getsockname(3, NULL, [110])", 110)]
    [InlineData("getsockname(3, NULL, [110 => 8])", 110)]
    public void LengthBefore_ReadsTheValueBeforeTheCall(string call, int expected) =>
        Assert.Equal(expected, SockAddrCodec.LengthBefore(Context(call), 2));

    [Fact]
    public void LengthAfter_PrintsAnArrowOnlyWhenItChanged()
    {
        Assert.Equal("[110 => 8]", TracePrinter.PrintExpr(SockAddrCodec.LengthAfter(110, 8)));
        Assert.Equal("[16]", TracePrinter.PrintExpr(SockAddrCodec.LengthAfter(16, 16)));
    }

    [Fact]
    public void SendmsgHeader_JoinsIovecsPadsToIovLenAndReadsRights()
    {
        var ctx = Context("sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"ab\", iov_len=2}, {iov_base=\"c\", iov_len=3}], msg_iovlen=2, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5, 6]}], msg_controllen=24, msg_flags=0}, 0)");
        var message = MsgHdrCodec.ReadOutgoing(ctx, ctx.Arg(1));
        Assert.Equal("abc\0\0"u8.ToArray(), message.Data);
        Assert.Equal([5, 6], message.Rights!);
        Assert.Null(message.Name);
    }

    [Fact]
    public void CredentialsControlMessage_IsNotModelled()
    {
        var ctx = Context("sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[], msg_iovlen=0, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=1, uid=0, gid=0}}], msg_controllen=32, msg_flags=0}, 0)");
        Assert.Throws<TraceException>(() => MsgHdrCodec.ReadOutgoing(ctx, ctx.Arg(1)));
    }

    private static SyscallContext Context(string call)
    {
        var ev = TraceParser.Parse("# isolation-trace 1\np1 " + call + " = ?\n", "codec.trace").Events.Single();
        var h = new NetHarness();
        return new SyscallContext(h.Kernel, h.P(1), ev);
    }
}
