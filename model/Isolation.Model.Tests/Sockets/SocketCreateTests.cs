using Isolation.Model.Kernel.Sockets;

namespace Isolation.Model.Tests.Sockets;

/// <summary>net/socket.c __sys_socket and __sock_create; the families' create functions (6.12).</summary>
public sealed class SocketCreateTests
{
    [Theory]
    [InlineData("AF_UNIX, SOCK_STREAM, 0", "3")]
    [InlineData("AF_UNIX, SOCK_STREAM, 2", "EPROTONOSUPPORT")]
    [InlineData("AF_UNIX, 4, 0", "ESOCKTNOSUPPORT")]
    [InlineData("46, SOCK_STREAM, 0", "EAFNOSUPPORT")]
    [InlineData("AF_BLUETOOTH, SOCK_STREAM, 0", "EAFNOSUPPORT")]
    [InlineData("AF_UNIX, 11, 0", "EINVAL")]
    [InlineData("AF_UNIX, SOCK_STREAM|0x100, 0", "EINVAL")]
    [InlineData("AF_INET, SOCK_SEQPACKET, IPPROTO_IP", "ESOCKTNOSUPPORT")]
    [InlineData("AF_INET, SOCK_STREAM, IPPROTO_UDP", "EPROTONOSUPPORT")]
    [InlineData("AF_INET, SOCK_RAW, IPPROTO_IP", "EPROTONOSUPPORT")]
    [InlineData("AF_INET, SOCK_STREAM, 300", "EINVAL")]
    [InlineData("AF_INET, SOCK_DGRAM, IPPROTO_ICMP", "EACCES")]
    [InlineData("AF_PACKET, SOCK_STREAM, 0", "ESOCKTNOSUPPORT")]
    public void Socket_AnswersAsLinux(string args, string expected) => Assert.Equal(expected, new NetHarness().R($"p1 socket({args})"));

    [Fact]
    public void UnixSockRaw_IsADatagramSocket()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_RAW, 0)");
        Assert.Equal(Abi.SocketAbi.SockDgram, h.Sock<UnixSocket>(1, 3).Type);
        Assert.Equal("[2]", h.Out("p1 getsockopt(3, SOL_SOCKET, SO_TYPE, [0], [4])", 3));
    }

    [Fact]
    public void SockNonblockAndCloexec_SetTheFileAndDescriptorFlags()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK|SOCK_CLOEXEC, IPPROTO_IP)");
        Assert.True(h.P(1).Files.Get(3)!.NonBlocking);
        Assert.True(h.P(1).Files.IsCloseOnExec(3));
        Assert.IsType<UdpSocket>(h.P(1).Files.Get(3)!.Object);
    }

    [Theory]
    [InlineData("AF_INET, SOCK_RAW, IPPROTO_ICMP")]
    [InlineData("AF_INET6, SOCK_RAW, IPPROTO_ICMPV6")]
    [InlineData("AF_PACKET, SOCK_RAW, 0")]
    public void RawSocketsWithoutCapNetRaw_AreEPERM(string args)
    {
        Assert.Equal("EPERM", new NetHarness(user: 1000).R($"p1 socket({args})"));
        Assert.Equal("3", new NetHarness().R($"p1 socket({args})"));
    }

    [Fact]
    public void SocketpairOutsideUnix_IsEOPNOTSUPP_AndTakesNoDescriptor()
    {
        var h = new NetHarness();
        Assert.Equal("EOPNOTSUPP", h.R("p1 socketpair(AF_INET, SOCK_STREAM, 0, 0x7ffc00000000)"));
        Assert.Equal("3", h.R("p1 socket(AF_UNIX, SOCK_STREAM, 0)"));
    }

    [Fact]
    public void Socketpair_GivesTheTwoLowestFreeNumbers()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)", "p1 close(3)");
        Assert.Equal("[3, 5]", h.Out("p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [0, 0])", 3));
    }

    [Fact]
    public void SocketOpsOnAFileThatIsNoSocket_AreENOTSOCK()
    {
        var h = new NetHarness();
        Assert.Equal("ENOTSOCK", h.R("p1 listen(1, 8)"));
        Assert.Equal("ENOTSOCK", h.R("p1 getsockname(2, {sa_family=AF_UNIX}, [110])"));
        Assert.Equal("EBADF", h.R("p1 listen(9, 8)"));
    }
}
