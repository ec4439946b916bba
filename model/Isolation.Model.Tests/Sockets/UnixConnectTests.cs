using Isolation.Model.Kernel.Sockets;
using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>net/unix/af_unix.c unix_stream_connect, unix_dgram_connect, unix_accept, unix_listen (6.12).</summary>
public sealed class UnixConnectTests
{
    private static NetHarness Listening(int backlog = 8)
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)", $"p1 bind(3, {Abstract("srv")})", $"p1 listen(3, {backlog})");
        return h;
    }

    [Fact]
    public void ConnectToAbstractNameNobodyBound_IsECONNREFUSED()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("ECONNREFUSED", h.R($"p1 connect(3, {Abstract("nobody")})"));
    }

    [Fact]
    public void ConnectToListener_CompletesBeforeAccept_AndQueuesTheConnection()
    {
        var h = Listening();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("0", h.R($"p1 connect(4, {Abstract("srv")})"));
        Assert.Single(h.Sock<UnixSocket>(1, 3).Queue);
        Assert.Equal("5", h.R("p1 accept(3, NULL, NULL)"));
        Assert.Same(h.Sock<UnixSocket>(1, 4), h.Sock<UnixSocket>(1, 5).Peer);
    }

    [Fact]
    public void ConnectToBoundSocketNotListening_IsECONNREFUSED()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {Abstract("idle")})", "p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("ECONNREFUSED", h.R($"p1 connect(4, {Abstract("idle")})"));
    }

    [Fact]
    public void ConnectToPathOfAnotherType_IsEPROTOTYPE()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 bind(3, {PathAddr("/tmp/d")})", "p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EPROTOTYPE", h.R($"p1 connect(4, {PathAddr("/tmp/d")})"));
    }

    [Fact]
    public void ConnectToMissingPath_IsENOENT()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("ENOENT", h.R($"p1 connect(3, {PathAddr("/tmp/none")})"));
    }

    [Fact]
    public void BacklogZero_AdmitsOneConnection_ThenEAGAIN()
    {
        var h = Listening(backlog: 0);
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)", "p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)");
        Assert.Equal("0", h.R($"p1 connect(4, {Abstract("srv")})"));
        Assert.Equal("EAGAIN", h.R($"p1 connect(5, {Abstract("srv")})"));
    }

    [Fact]
    public void ConnectedSocketConnectingAgain_IsEISCONN()
    {
        var h = Listening();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 connect(4, {Abstract("srv")})");
        Assert.Equal("EISCONN", h.R($"p1 connect(4, {Abstract("srv")})"));
    }

    [Fact]
    public void AcceptOnEmptyNonBlockingListener_IsEAGAIN_AndOnUnlistenedSocketEINVAL()
    {
        var h = Listening();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EAGAIN", h.R("p1 accept(3, NULL, NULL)"));
        Assert.Equal("EINVAL", h.R("p1 accept(4, NULL, NULL)"));
    }

    [Fact]
    public void Accept4_GivesPeerAddressAndFlags()
    {
        var h = Listening();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(4, {Abstract("cli")})", $"p1 connect(4, {Abstract("srv")})");
        var outcome = h.Run("p1 accept4(3, {sa_family=AF_UNIX}, [110], SOCK_CLOEXEC|SOCK_NONBLOCK)");
        Assert.Equal("{sa_family=AF_UNIX, sun_path=@\"cli\"}", Isolation.Traces.Syntax.TracePrinter.PrintExpr(outcome.Outputs[1]));
        Assert.Equal("[110 => 6]", Isolation.Traces.Syntax.TracePrinter.PrintExpr(outcome.Outputs[2]));
        Assert.True(h.P(1).Files.IsCloseOnExec(5));
        Assert.True(h.P(1).Files.Get(5)!.NonBlocking);
    }

    [Fact]
    public void ListenOnDatagramSocket_IsEOPNOTSUPP_AndOnUnboundStreamEINVAL()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EOPNOTSUPP", h.R("p1 listen(3, 8)"));
        Assert.Equal("EINVAL", h.R("p1 listen(4, 8)"));
    }

    [Fact]
    public void DatagramConnectToSocketConnectedElsewhere_IsEPERM()
    {
        var h = new NetHarness();
        h.Setup(
            "p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 bind(3, {Abstract("a")})",
            "p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 bind(4, {Abstract("b")})", $"p1 connect(4, {Abstract("a")})",
            "p1 socket(AF_UNIX, SOCK_DGRAM, 0)");
        Assert.Equal("EPERM", h.R($"p1 connect(5, {Abstract("b")})"));
        Assert.Equal("0", h.R($"p1 connect(5, {Abstract("a")})"));
    }

    [Fact]
    public void ClosingListener_ResetsConnectionsNeverAccepted()
    {
        var h = Listening();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)", $"p1 connect(4, {Abstract("srv")})", "p1 close(3)");
        Assert.Equal("ECONNRESET", h.R("p1 read(4, \"\", 8)"));
        Assert.Equal("0", h.R("p1 read(4, \"\", 8)"));
    }
}
