using Isolation.Traces;
using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>The security_socket_* and security_unix_* hooks run where net/socket.c and af_unix.c call them (6.12), and their error is the call's.</summary>
public sealed class SocketHookTests
{
    [Fact]
    public void SocketCreate_RunsBeforeTheFamilyLookup()
    {
        var probe = new SocketHookProbe("socket_create", Errno.EACCES);
        var h = new NetHarness(modules: probe);
        Assert.Equal("EACCES", h.R("p1 socket(AF_BLUETOOTH, SOCK_STREAM, 0)"));
        Assert.Equal("EAFNOSUPPORT", h.R("p1 socket(46, SOCK_STREAM, 0)"));
        Assert.Equal(["socket_create"], probe.Calls);
    }

    [Fact]
    public void RefusedPostCreate_ReleasesTheSocketAndTakesNoDescriptor()
    {
        var probe = new SocketHookProbe("socket_post_create");
        var h = new NetHarness(modules: probe);
        Assert.Equal("EPERM", h.R("p1 socket(AF_UNIX, SOCK_STREAM, 0)"));
        Assert.Null(h.P(1).Files.Get(3));
        Assert.Equal(["socket_create", "socket_post_create"], probe.Calls);
    }

    [Fact]
    public void SocketBind_RunsBeforeTheProtocolChecksTheAddress()
    {
        var probe = new SocketHookProbe("socket_bind");
        var h = new NetHarness(modules: probe);
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EPERM", h.R("p1 bind(3, {sa_family=AF_UNIX}, 1)"));
    }

    [Fact]
    public void UnixStreamConnect_RunsAfterTheListenerIsFound()
    {
        var probe = new SocketHookProbe("unix_stream_connect");
        var h = new NetHarness(modules: probe);
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {Abstract("srv")})", "p1 listen(3, 8)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("ECONNREFUSED", h.R($"p1 connect(4, {Abstract("nobody")})"));
        Assert.Equal("EPERM", h.R($"p1 connect(4, {Abstract("srv")})"));
        Assert.Equal(["socket_connect", "socket_connect", "unix_stream_connect"], probe.Calls.Where(c => c.Contains("connect", StringComparison.Ordinal)));
    }

    [Fact]
    public void UnixMaySend_GuardsDatagramConnectAndSend_ButNotStreamSends()
    {
        var probe = new SocketHookProbe("unix_may_send");
        var h = new NetHarness(modules: probe);
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 bind(3, {Abstract("rx")})", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)", "p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [5, 6])");
        Assert.Equal("EPERM", h.R($"p1 connect(4, {Abstract("rx")})"));
        Assert.Equal("EPERM", h.R($"p1 sendto(4, \"x\", 1, 0, {Abstract("rx")})"));
        Assert.Equal("1", h.R("p1 write(5, \"x\", 1)"));
    }

    [Fact]
    public void SendmsgAndRecvmsg_RunForReadAndWriteToo()
    {
        var probe = new SocketHookProbe("socket_recvmsg", Errno.EACCES);
        var h = new NetHarness(modules: probe);
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 write(3, \"x\", 1)");
        Assert.Equal("EACCES", h.R("p1 read(4, \"\", 8)"));
        Assert.Contains("socket_sendmsg", probe.Calls);
    }

    [Fact]
    public void SocketAccept_RunsEvenWhenNothingWaits()
    {
        var probe = new SocketHookProbe("socket_accept");
        var h = new NetHarness(modules: probe);
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EPERM", h.R("p1 accept(3, NULL, NULL)"));
    }

    [Fact]
    public void SocketListen_SeesTheBacklogClampedToSomaxconn()
    {
        var probe = new SocketHookProbe();
        var h = new NetHarness(modules: probe);
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {Abstract("srv")})", "p1 listen(3, -1)");
        Assert.Equal(4096, h.Sock<Kernel.Sockets.UnixSocket>(1, 3).MaxBacklog);
    }

    [Fact]
    public void Socketpair_RunsItsHookAfterBothCreates()
    {
        var probe = new SocketHookProbe("socket_socketpair");
        var h = new NetHarness(modules: probe);
        Assert.Equal("EPERM", h.R("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [0, 0])"));
        Assert.Equal(["socket_create", "socket_post_create", "socket_create", "socket_post_create", "socket_socketpair"], probe.Calls);
    }
}
