using Isolation.Model.Kernel.Channels;

namespace Isolation.Model.Tests.Sockets;

/// <summary>SCM_RIGHTS: net/core/scm.c scm_fp_copy, scm_detach_fds; net/unix/af_unix.c unix_attach_fds, unix_detach_fds (6.12).</summary>
public sealed class ScmRightsTests
{
    private static string Send(int fd, string fds, int count) =>
        $"p1 sendmsg({fd}, {{msg_name=NULL, msg_namelen=0, msg_iov=[{{iov_base=\"x\", iov_len=1}}], msg_iovlen=1, msg_control=[{{cmsg_len={16 + (4 * count)}, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[{fds}]}}], msg_controllen=24, msg_flags=0}}, 0)";

    private static string Receive(int fd, int controllen, string flags = "0") =>
        $"p1 recvmsg({fd}, {{msg_name=NULL, msg_namelen=0, msg_iov=[{{iov_base=\"\", iov_len=8}}], msg_iovlen=1, msg_controllen={controllen}, msg_flags=0}}, {flags})";

    [Fact]
    public void ReceivedDescriptors_AreInstalledAtTheLowestFreeNumbers()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [5, 6])", Send(3, "5, 6", 2), "p1 close(5)", "p1 close(6)");
        Assert.Equal(
            "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=8}], msg_iovlen=1, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5, 6]}], msg_controllen=24, msg_flags=0}",
            h.Out(Receive(4, 64), 1));
    }

    [Fact]
    public void DescriptorInFlight_KeepsTheOpenFileAliveAfterTheSenderCloses()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [5, 6])", Send(3, "6", 1));
        var inFlight = h.P(1).Files.Get(6)!;
        h.Setup("p1 close(6)");
        Assert.Equal(1, inFlight.References);
        Assert.False(((Isolation.Model.Kernel.Sockets.Socket)inFlight.Object).IsReleased);
        h.Setup(Receive(4, 24), "p1 write(6, \"hi\", 2)");
        Assert.Equal("\"hi\"", h.Out("p1 read(5, \"\", 8)", 1));
    }

    [Fact]
    public void MsgCmsgCloexec_SetsCloseOnExec_AndIsEchoedInMsgFlags()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", Send(3, "0", 1));
        var printed = h.Out(Receive(4, 24, "MSG_CMSG_CLOEXEC"), 1);
        Assert.EndsWith("cmsg_data=[5]}], msg_controllen=24, msg_flags=MSG_CMSG_CLOEXEC}", printed);
        Assert.True(h.P(1).Files.IsCloseOnExec(5));
    }

    [Fact]
    public void NoControlBuffer_DropsTheDescriptors_WithMsgCtrunc()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", Send(3, "0", 1));
        Assert.EndsWith("msg_controllen=0, msg_flags=MSG_CTRUNC}", h.Out(Receive(4, 0), 1));
        Assert.Null(h.P(1).Files.Get(5));
    }

    [Fact]
    public void ShortControlBuffer_InstallsWhatFits()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", Send(3, "0, 1, 2", 3));
        Assert.EndsWith("cmsg_data=[5, 6]}], msg_controllen=24, msg_flags=MSG_CTRUNC}", h.Out(Receive(4, 24), 1));
    }

    [Fact]
    public void PassingAClosedDescriptor_IsEBADF()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])");
        Assert.Equal("EBADF", h.R(Send(3, "42", 1)));
    }

    [Fact]
    public void ReceivingDescriptors_RecordsAPassedDescriptorChannel()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 fork()");
        h.Setup(Send(3, "0", 1).Replace("p1 ", "p2 ", StringComparison.Ordinal), Receive(4, 24));
        Assert.Contains(h.Kernel.Channels, c => c.Kind == ChannelKind.PassedDescriptor && c.From == h.P(2) && c.To == h.P(1));
    }
}
