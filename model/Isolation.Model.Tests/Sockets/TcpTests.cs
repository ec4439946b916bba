using Isolation.Model.Kernel.Sockets;
using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>TCP over loopback: net/ipv4/af_inet.c, tcp.c, tcp_ipv4.c, inet_connection_sock.c (6.12).</summary>
public sealed class TcpTests
{
    private static NetHarness Listener(int port = 5000, int backlog = 8)
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 bind(3, {In4("127.0.0.1", port)}, 16)", $"p1 listen(3, {backlog})");
        return h;
    }

    [Fact]
    public void BlockingConnectToLoopbackListener_CompletesWithoutAccept()
    {
        var h = Listener();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("0", h.R($"p1 connect(4, {In4("127.0.0.1", 5000)}, 16)"));
        Assert.Single(h.Sock<TcpSocket>(1, 3).AcceptQueue);
    }

    [Fact]
    public void NonBlockingConnect_IsEINPROGRESS_Then0_ThenEISCONN()
    {
        var h = Listener();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_IP)");
        var connect = $"p1 connect(4, {In4("127.0.0.1", 5000)}, 16)";
        Assert.Equal(["EINPROGRESS", "0", "EISCONN"], new[] { h.R(connect), h.R(connect), h.R(connect) });
    }

    [Fact]
    public void ConnectWithNoListener_IsECONNREFUSED_AndGivesTheEphemeralPortBack()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("ECONNREFUSED", h.R($"p1 connect(3, {In4("127.0.0.1", 5001)}, 16)"));
        Assert.Equal(0, h.Sock<TcpSocket>(1, 3).LocalPort);
    }

    [Fact]
    public void ConnectTakesAnEvenEphemeralPort_BindZeroAnOddOne()
    {
        var h = Listener();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 connect(4, {In4("127.0.0.1", 5000)}, 16)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 bind(5, {In4("127.0.0.1", 0)}, 16)");
        Assert.Equal(InetPortTable.EphemeralLow, h.Sock<TcpSocket>(1, 4).LocalPort);
        Assert.Equal(InetPortTable.EphemeralLow + 1, h.Sock<TcpSocket>(1, 5).LocalPort);
    }

    [Fact]
    public void FullAcceptQueue_LeavesANonBlockingConnectInProgress()
    {
        var h = Listener(backlog: 0);
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 connect(4, {In4("127.0.0.1", 5000)}, 16)", "p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_IP)");
        var connect = $"p1 connect(5, {In4("127.0.0.1", 5000)}, 16)";
        Assert.Equal(["EINPROGRESS", "EALREADY"], new[] { h.R(connect), h.R(connect) });
        Assert.Equal(TcpState.SynSent, h.Sock<TcpSocket>(1, 5).State);
    }

    [Fact]
    public void DataFlowsBothWays_AndEmptyReadIsEAGAIN()
    {
        var h = Listener();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 connect(4, {In4("127.0.0.1", 5000)}, 16)", "p1 accept(3, NULL, NULL)", "p1 write(4, \"ping\", 4)");
        Assert.Equal("\"ping\"", h.Out("p1 read(5, \"\", 16)", 1));
        Assert.Equal("EAGAIN", h.R("p1 recvfrom(5, \"\", 16, MSG_DONTWAIT, NULL, NULL)"));
    }

    [Fact]
    public void ActiveCloser_KeepsThePort_EvenForSoReuseaddrRebinds()
    {
        var h = Listener();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 connect(4, {In4("127.0.0.1", 5000)}, 16)", "p1 accept(3, NULL, NULL)", "p1 close(5)", "p1 close(3)");
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", "p1 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4)");
        Assert.Equal("EADDRINUSE", h.R($"p1 bind(3, {In4("127.0.0.1", 5000)}, 16)"));
    }

    [Fact]
    public void PassiveCloser_FreesThePort()
    {
        var h = Listener();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 connect(4, {In4("127.0.0.1", 5000)}, 16)", "p1 accept(3, NULL, NULL)", "p1 close(4)", "p1 close(5)", "p1 close(3)");
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("0", h.R($"p1 bind(3, {In4("127.0.0.1", 5000)}, 16)"));
    }

    [Fact]
    public void UnconnectedSocket_SendIsEPIPE_ReceiveENOTCONN()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("EPIPE", h.R("p1 write(3, \"x\", 1)"));
        Assert.Equal("ENOTCONN", h.R("p1 read(3, \"\", 1)"));
        Assert.Equal("ENOTCONN", h.R("p1 shutdown(3, SHUT_WR)"));
    }

    [Fact]
    public void ListenOnUnboundSocket_TakesAnEphemeralPort()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP)", "p1 listen(3, 8)");
        Assert.Equal(InetPortTable.EphemeralLow + 1, h.Sock<TcpSocket>(1, 3).LocalPort);
        Assert.Equal($"{In6("::", InetPortTable.EphemeralLow + 1)}", h.Out("p1 getsockname(3, {sa_family=AF_INET6}, [28])", 1));
    }
}
