using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>SO_REUSEPORT: net/core/sock.c sk_setsockopt, net/ipv4/inet_connection_sock.c inet_bind_conflict, net/ipv4/udp.c udp_lib_lport_inuse (6.12).</summary>
public sealed class ReusePortTests
{
    // p1 binds (and for TCP listens) with SO_REUSEPORT on 127.0.0.1:7100; p2 is the same uid, p3 another.
    private static NetHarness TwoOwners(string type, bool listen)
    {
        var h = new NetHarness();
        h.Setup($"p1 socket(AF_INET, {type}, 0)", "p1 setsockopt(3, SOL_SOCKET, SO_REUSEPORT, [1], 4)", $"p1 bind(3, {In4("127.0.0.1", 7100)}, 16)");
        if (listen)
        {
            h.Setup("p1 listen(3, 5)");
        }

        h.Setup("p1 fork()", "p1 fork()", "p3 setresuid(1000, 1000, 1000)",
            $"p2 socket(AF_INET, {type}, 0)", "p2 setsockopt(4, SOL_SOCKET, SO_REUSEPORT, [1], 4)",
            $"p3 socket(AF_INET, {type}, 0)", "p3 setsockopt(4, SOL_SOCKET, SO_REUSEPORT, [1], 4)");
        return h;
    }

    [Theory]
    [InlineData("SOCK_STREAM", true)]
    [InlineData("SOCK_DGRAM", false)]
    public void SameOwner_SharesThePort_AnotherUid_IsEADDRINUSE(string type, bool listen)
    {
        var h = TwoOwners(type, listen);
        Assert.Equal("0", h.R($"p2 bind(4, {In4("127.0.0.1", 7100)}, 16)"));
        Assert.Equal("EADDRINUSE", h.R($"p3 bind(4, {In4("127.0.0.1", 7100)}, 16)"));
        Assert.Equal("EADDRINUSE", h.R($"p3 bind(4, {In4("0.0.0.0", 7100)}, 16)"));
    }

    [Fact]
    public void TwoListenersOfOneOwner_BothListen()
    {
        var h = TwoOwners("SOCK_STREAM", listen: true);
        h.Setup($"p2 bind(4, {In4("127.0.0.1", 7100)}, 16)");
        Assert.Equal("0", h.R("p2 listen(4, 5)"));
    }

    [Fact]
    public void OnAUnixSocket_IsEOPNOTSUPP()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EOPNOTSUPP", h.R("p1 setsockopt(3, SOL_SOCKET, SO_REUSEPORT, [1], 4)"));
        Assert.Equal("0", h.R("p1 setsockopt(3, SOL_SOCKET, SO_REUSEPORT, [0], 4)"));
    }
}
