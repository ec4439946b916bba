using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>UDP: net/ipv4/udp.c udp_sendmsg, udp_recvmsg, __udp4_lib_lookup, __udp4_lib_err; net/ipv6/udp.c (6.12).</summary>
public sealed class UdpTests
{
    [Fact]
    public void Sendto_ReachesTheBoundSocket_WithTheSourceAddress()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", $"p1 bind(3, {In4("127.0.0.1", 6000)}, 16)", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", $"p1 bind(4, {In4("127.0.0.1", 6001)}, 16)", $"p1 sendto(4, \"hi\", 2, 0, {In4("127.0.0.1", 6000)}, 16)");
        var outcome = h.Run("p1 recvfrom(3, \"\", 8, 0, {sa_family=AF_INET}, [16])");
        Assert.Equal(In4("127.0.0.1", 6001), Isolation.Traces.Syntax.TracePrinter.PrintExpr(outcome.Outputs[4]));
        Assert.Equal("[16]", Isolation.Traces.Syntax.TracePrinter.PrintExpr(outcome.Outputs[5]));
    }

    [Fact]
    public void UnconnectedSendWithoutAddress_IsEDESTADDRREQ_AndPortZeroEINVAL()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("EDESTADDRREQ", h.R("p1 sendto(3, \"x\", 1, 0, NULL, 0)"));
        Assert.Equal("EINVAL", h.R($"p1 sendto(3, \"x\", 1, 0, {In4("127.0.0.1", 0)}, 16)"));
    }

    [Fact]
    public void ConnectedSenderToPortNobodyHas_GetsECONNREFUSEDOnItsNextCall()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_IP)", $"p1 connect(3, {In4("127.0.0.1", 6002)}, 16)");
        Assert.Equal(["1", "ECONNREFUSED", "1", "ECONNREFUSED", "EAGAIN"], new[]
        {
            h.R("p1 write(3, \"x\", 1)"), h.R("p1 write(3, \"x\", 1)"), h.R("p1 write(3, \"x\", 1)"), h.R("p1 read(3, \"\", 8)"), h.R("p1 read(3, \"\", 8)"),
        });
    }

    [Fact]
    public void UnconnectedSenderToPortNobodyHas_SeesNoError()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_IP)", $"p1 sendto(3, \"x\", 1, 0, {In4("127.0.0.1", 6003)}, 16)");
        Assert.Equal("EAGAIN", h.R("p1 read(3, \"\", 8)"));
        Assert.Equal("1", h.R($"p1 sendto(3, \"x\", 1, 0, {In4("127.0.0.1", 6003)}, 16)"));
    }

    [Fact]
    public void ConnectedReceiver_HearsOnlyItsPeer()
    {
        var h = new NetHarness();
        h.Setup(
            "p1 socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_IP)", $"p1 bind(3, {In4("127.0.0.1", 6004)}, 16)", $"p1 connect(3, {In4("127.0.0.1", 6005)}, 16)",
            "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", $"p1 sendto(4, \"stranger\", 8, 0, {In4("127.0.0.1", 6004)}, 16)");
        Assert.Equal("EAGAIN", h.R("p1 read(3, \"\", 8)"));
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", $"p1 bind(5, {In4("127.0.0.1", 6005)}, 16)", $"p1 sendto(5, \"peer\", 4, 0, {In4("127.0.0.1", 6004)}, 16)");
        Assert.Equal("\"peer\"", h.Out("p1 read(3, \"\", 8)", 1));
    }

    [Fact]
    public void DualStackSocket_ReceivesIPv4AsV4Mapped()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP)", $"p1 bind(3, {In6("::", 6006)}, 28)", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", $"p1 bind(4, {In4("127.0.0.1", 6007)}, 16)", $"p1 sendto(4, \"v4\", 2, 0, {In4("127.0.0.1", 6006)}, 16)");
        Assert.Equal(In6("::ffff:127.0.0.1", 6007), h.Out("p1 recvfrom(3, \"\", 8, 0, {sa_family=AF_INET6}, [28])", 4));
    }

    [Fact]
    public void BothSoReuseaddr_ShareAPort_OtherwiseEADDRINUSE()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", $"p1 bind(3, {In4("127.0.0.1", 6008)}, 16)", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("EADDRINUSE", h.R($"p1 bind(4, {In4("0.0.0.0", 6008)}, 16)"));
        h.Setup("p1 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4)", "p1 setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 4)");
        Assert.Equal("0", h.R($"p1 bind(4, {In4("0.0.0.0", 6008)}, 16)"));
    }

    [Fact]
    public void SendAfterShutdownWrite_IsEPIPE_EvenThoughShutdownSaidENOTCONN()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("ENOTCONN", h.R("p1 shutdown(3, SHUT_WR)"));
        Assert.Equal("EPIPE", h.R($"p1 sendto(3, \"x\", 1, 0, {In4("127.0.0.1", 6009)}, 16)"));
    }
}
