using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>SO_PEERCRED: net/unix/af_unix.c init_peercred, update_peercred, copy_peercred; net/core/sock.c cred_to_ucred (6.12).</summary>
public sealed class UnixPeerCredTests
{
    private static string Ask(int process, int fd) => $"p{process} getsockopt({fd}, SOL_SOCKET, SO_PEERCRED, {{pid=0, uid=0, gid=0}}, [12])";

    [Fact]
    public void ConnectedSockets_ReportTheOtherSide_AsOfListenAndConnect()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {Abstract("srv")})", "p1 listen(3, 5)", "p1 fork()",
            "p2 setresgid(1000, 1000, 1000)", "p2 setresuid(1000, 1000, 1000)", "p2 socket(AF_UNIX, SOCK_STREAM, 0)",
            $"p2 connect(4, {Abstract("srv")})", "p1 accept(3, NULL, NULL)");
        Assert.Equal("{pid=p1, uid=0, gid=0}", h.Out(Ask(2, 4), 3));
        Assert.Equal("{pid=p2, uid=1000, gid=1000}", h.Out(Ask(1, 4), 3));
    }

    [Fact]
    public void SocketWithoutPeer_ReportsPidZeroAndIdsMinusOne()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)");
        Assert.Equal("{pid=0, uid=4294967295, gid=4294967295}", h.Out(Ask(1, 3), 3));
    }

    [Fact]
    public void ReaderInAnotherUserNamespace_SeesUnmappedIdsAsOverflow()
    {
        var h = new NetHarness();
        h.Setup("p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4])", "p1 fork()", "p2 unshare(CLONE_NEWUSER)");
        Assert.Equal("{pid=p1, uid=65534, gid=65534}", h.Out(Ask(2, 4), 3));
        Assert.Equal("{pid=p1, uid=0, gid=0}", h.Out(Ask(1, 3), 3));
    }
}
