using Isolation.Model.Kernel.Channels;
using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>net/unix/af_unix.c unix_dgram_sendmsg, unix_stream_sendmsg, their receives, unix_shutdown, unix_release_sock (6.12).</summary>
public sealed class UnixIoTests
{
    [Fact]
    public void StreamReadOnEmptySocket_IsEAGAIN_AndDataComesInOrder()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0, [3, 4])");
        Assert.Equal("EAGAIN", h.R("p1 read(3, \"\", 8)"));
        h.Setup("p1 write(4, \"ab\", 2)", "p1 write(4, \"cd\", 2)");
        Assert.Equal("\"abc\"", h.Out("p1 read(3, \"\", 3)", 1));
        Assert.Equal("\"d\"", h.Out("p1 read(3, \"\", 8)", 1));
    }

    [Fact]
    public void StreamSendWithAddress_IsEISCONNWhenConnected_EOPNOTSUPPOtherwise()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EISCONN", h.R($"p1 sendto(3, \"x\", 1, 0, {Abstract("a")})"));
        Assert.Equal("EOPNOTSUPP", h.R($"p1 sendto(5, \"x\", 1, 0, {Abstract("a")})"));
        Assert.Equal("ENOTCONN", h.R("p1 sendto(5, \"x\", 1, 0, NULL, 0)"));
        Assert.Equal("EINVAL", h.R("p1 recvfrom(5, \"\", 1, 0, NULL, NULL)"));
    }

    [Fact]
    public void DatagramToNameNobodyBound_IsECONNREFUSED()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)");
        Assert.Equal("ECONNREFUSED", h.R($"p1 sendto(3, \"x\", 1, 0, {Abstract("nobody")})"));
    }

    [Fact]
    public void DatagramReceive_GivesTheSendersNameAtReceiveTime()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 bind(3, {Abstract("rx")})", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 sendto(4, \"x\", 1, 0, {Abstract("rx")})");
        Assert.Equal("[110 => 0]", h.Out("p1 recvfrom(3, \"\", 8, 0, {sa_family=AF_UNIX}, [110])", 5));
        h.Setup($"p1 bind(4, {Abstract("tx")})", $"p1 sendto(4, \"y\", 1, 0, {Abstract("rx")})");
        Assert.Equal("{sa_family=AF_UNIX, sun_path=@\"tx\"}", h.Out("p1 recvfrom(3, \"\", 8, 0, {sa_family=AF_UNIX}, [110])", 4));
    }

    [Fact]
    public void DatagramQueue_HoldsElevenThenEAGAIN()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 bind(3, {Abstract("sink")})", "p1 socket(AF_UNIX, SOCK_DGRAM|SOCK_NONBLOCK, 0)");
        for (var i = 0; i < 11; i++)
        {
            Assert.Equal("1", h.R($"p1 sendto(4, \"x\", 1, 0, {Abstract("sink")})"));
        }

        Assert.Equal("EAGAIN", h.R($"p1 sendto(4, \"x\", 1, 0, {Abstract("sink")})"));
    }

    [Fact]
    public void DatagramToClosedConnectedPeer_IsECONNREFUSEDOnce_ThenENOTCONN()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4])", "p1 close(4)");
        Assert.Equal("ECONNREFUSED", h.R("p1 write(3, \"x\", 1)"));
        Assert.Equal("ENOTCONN", h.R("p1 write(3, \"x\", 1)"));
    }

    [Fact]
    public void PeerClosedWithUnreadData_ResetsOnce()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 write(3, \"x\", 1)", "p1 close(4)");
        Assert.Equal("ECONNRESET", h.R("p1 read(3, \"\", 8)"));
        Assert.Equal("0", h.R("p1 read(3, \"\", 8)"));
        Assert.Equal("EPIPE", h.R("p1 write(3, \"x\", 1)"));
    }

    [Fact]
    public void ShutdownWrite_MakesSendEPIPE_AndThePeerReadEOF()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 shutdown(3, SHUT_WR)");
        Assert.Equal("EPIPE", h.R("p1 write(3, \"x\", 1)"));
        Assert.Equal("0", h.R("p1 read(4, \"\", 8)"));
        Assert.Equal("EINVAL", h.R("p1 shutdown(3, 3)"));
    }

    [Fact]
    public void SeqpacketReceive_KeepsRecordBoundaries_AndReportsMsgTrunc()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_SEQPACKET, 0, [3, 4])", "p1 write(3, \"abcd\", 4)", "p1 write(3, \"ef\", 2)");
        var line = "p1 recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"\", iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0)";
        Assert.Equal("{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"ab\", iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}", h.Out(line, 1));
        Assert.Equal("\"ef\"", h.Out("p1 read(4, \"\", 8)", 1));
    }

    [Fact]
    public void ReceivingData_RecordsAUnixChannelBetweenTheTasks_StampedWhenItWasSent()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 bind(3, {Abstract("rx")})", "p1 fork()", "p2 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p2 sendto(4, \"x\", 1, 0, {Abstract("rx")})", "p1 read(3, \"\", 8)");
        var channel = Assert.Single(h.Kernel.Channels);
        Assert.Equal(new Channel(ChannelKind.UnixDatagram, h.P(2), h.P(1), "@\"rx\"", SentAt: 5), channel);
    }
}
