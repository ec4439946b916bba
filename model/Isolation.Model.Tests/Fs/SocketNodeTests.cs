using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Fs;

/// <summary>The pathname nodes of unix sockets: net/unix/af_unix.c unix_bind_bsd and unix_find_bsd (6.12).</summary>
public sealed class SocketNodeTests
{
    [Fact]
    public void CreateSocketNode_IsModeSrwxrXrX_UnderUmask022()
    {
        var h = new ProcHarness(user: 1000);
        var sock = NewSocket(h);
        Assert.Equal(Errno.None, h.Kernel.Fs.CreateSocketNode(h.Kernel, h.P(1), "/tmp/s", sock, out var node));
        Assert.Equal(FileModes.Socket | 0x1ED, node!.Mode);
        Assert.Equal(1000, node.Uid);
        Assert.Equal("{st_mode=S_IFSOCK|0755, st_size=0, ...}", ProcHarness.Output(h.Run("p1 stat(\"/tmp/s\", {})"), 1));
    }

    [Fact]
    public void CreateSocketNodeOnExistingPath_IsEADDRINUSE_AndLookupErrorsPassThrough()
    {
        var h = FsHarness.WithUser(["p1 mkdir(\"/tmp/d\", 0755)", "p1 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0644)"]);
        var (kernel, p2) = (h.Kernel, h.P(2));
        var sock = NewSocket(h);
        Assert.Equal(Errno.EADDRINUSE, kernel.Fs.CreateSocketNode(kernel, p2, "/tmp/f", sock, out _));
        Assert.Equal(Errno.ENOENT, kernel.Fs.CreateSocketNode(kernel, p2, "/tmp/nope/s", sock, out _));
        Assert.Equal(Errno.EACCES, kernel.Fs.CreateSocketNode(kernel, p2, "/tmp/d/s", sock, out _));
        Assert.Equal(Errno.ENOTDIR, kernel.Fs.CreateSocketNode(kernel, p2, "/tmp/f/s", sock, out _));
    }

    [Fact]
    public void LookupSocketNode_NeedsWritePermission_AndASocketBoundToIt()
    {
        var h = FsHarness.WithUser(["p1 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0666)", "p1 chmod(\"/tmp/f\", 0666)", "p1 umask(077)"]);
        var (kernel, p1, p2) = (h.Kernel, h.P(1), h.P(2));
        var sock = NewSocket(h);
        Assert.Equal(Errno.None, kernel.Fs.CreateSocketNode(kernel, p1, "/tmp/private", sock, out var node));
        Assert.Equal(Errno.EACCES, kernel.Fs.LookupSocketNode(kernel, p2, "/tmp/private", out _));
        Assert.Equal(Errno.None, kernel.Fs.LookupSocketNode(kernel, p1, "/tmp/private", out var found));
        Assert.Same(sock, found);
        Assert.Equal(Errno.ECONNREFUSED, kernel.Fs.LookupSocketNode(kernel, p2, "/tmp/f", out _));
        Assert.Equal(Errno.ENOENT, kernel.Fs.LookupSocketNode(kernel, p2, "/tmp/none", out _));
        node!.BoundSocket = null;
        Assert.Equal(Errno.ECONNREFUSED, kernel.Fs.LookupSocketNode(kernel, p1, "/tmp/private", out _));
    }

    [Fact]
    public void UnlinkingTheNode_RemovesTheNameOnly()
    {
        var h = new ProcHarness();
        var sock = NewSocket(h);
        Assert.Equal(Errno.None, h.Kernel.Fs.CreateSocketNode(h.Kernel, h.P(1), "/tmp/s", sock, out var node));
        Assert.Equal("0", h.R("p1 unlink(\"/tmp/s\")"));
        Assert.Equal(Errno.ENOENT, h.Kernel.Fs.LookupSocketNode(h.Kernel, h.P(1), "/tmp/s", out _));
        Assert.Same(sock, node!.BoundSocket);
        Assert.Equal(Errno.None, h.Kernel.Fs.CreateSocketNode(h.Kernel, h.P(1), "/tmp/s", NewSocket(h), out _));
    }

    private static Socket NewSocket(ProcHarness h) => new(SocketAbi.AfUnix, SocketAbi.SockStream, 0, h.P(1).NetNs);
}
