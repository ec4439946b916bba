using Isolation.Model.Kernel.Sockets;
using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>net/unix/af_unix.c unix_bind, unix_autobind, unix_bind_abstract, unix_bind_bsd (6.12).</summary>
public sealed class UnixBindTests
{
    [Fact]
    public void BindAbstractNameTwice_IsEADDRINUSE_ButAnotherTypeMayTakeIt()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {Abstract("x")})", "p1 socket(AF_UNIX, SOCK_STREAM, 0)", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)");
        Assert.Equal("EADDRINUSE", h.R($"p1 bind(4, {Abstract("x")})"));
        Assert.Equal("0", h.R($"p1 bind(5, {Abstract("x")})"));
    }

    [Fact]
    public void BindWhenAlreadyBound_IsEINVAL()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {Abstract("x")})");
        Assert.Equal("EINVAL", h.R($"p1 bind(3, {Abstract("y")})"));
    }

    [Fact]
    public void BindWithAddrlen2_AutobindsFiveHexDigits_AndIsIdempotent()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)");
        Assert.Equal("0", h.R("p1 bind(3, {sa_family=AF_UNIX}, 2)"));
        Assert.Equal("0", h.R("p1 bind(3, {sa_family=AF_UNIX}, 2)"));
        Assert.Equal("{sa_family=AF_UNIX, sun_path=@\"00001\"}", h.Out("p1 getsockname(3, {sa_family=AF_UNIX}, [110])", 1));
        Assert.Equal("[110 => 8]", h.Out("p1 getsockname(3, {sa_family=AF_UNIX}, [110])", 2));
    }

    [Fact]
    public void Autobind_SkipsNamesInUse()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_DGRAM, 0)", $"p1 bind(3, {Abstract("00001")})", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)", "p1 bind(4, {sa_family=AF_UNIX}, 2)");
        Assert.Equal("{sa_family=AF_UNIX, sun_path=@\"00002\"}", h.Out("p1 getsockname(4, {sa_family=AF_UNIX}, [110])", 1));
    }

    [Theory]
    [InlineData("{sa_family=AF_UNIX, sun_path=@\"x\"}, 111")]
    [InlineData("{sa_family=AF_UNIX}, 1")]
    [InlineData("{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, 16")]
    public void BindWithBadLengthOrFamily_IsEINVAL(string address)
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EINVAL", h.R($"p1 bind(3, {address})"));
    }

    [Fact]
    public void BindAbstract_UsesEveryByteUpToAddrlen()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", "p1 bind(3, {sa_family=AF_UNIX, sun_path=@\"ab\"}, 7)");
        Assert.Equal("{sa_family=AF_UNIX, sun_path=@\"ab\\0\\0\"}", h.Out("p1 getsockname(3, {sa_family=AF_UNIX}, [110])", 1));
    }

    [Fact]
    public void ClosingAbstractSocket_FreesTheName()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {Abstract("x")})", "p1 close(3)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("0", h.R($"p1 bind(3, {Abstract("x")})"));
        Assert.Equal(["x"], h.P(1).NetNs.AbstractNames);
    }

    [Fact]
    public void ClosingPathnameSocket_LeavesTheNode_RebindIsEADDRINUSE()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {PathAddr("/tmp/s")})", "p1 close(3)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Equal("EADDRINUSE", h.R($"p1 bind(3, {PathAddr("/tmp/s")})"));
        Assert.Equal("ECONNREFUSED", h.R($"p1 connect(3, {PathAddr("/tmp/s")})"));
    }

    [Fact]
    public void BoundSocketBindingAFreePath_IsEINVAL_AndLeavesNoNode()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", $"p1 bind(3, {Abstract("x")})");
        Assert.Equal("EINVAL", h.R($"p1 bind(3, {PathAddr("/tmp/free")})"));
        Assert.Equal("ENOENT", h.R("p1 unlink(\"/tmp/free\")"));
    }

    [Fact]
    public void PathnameName_StopsAtTheFirstNul_AndKeepsTheLengthOfThePath()
    {
        var name = UnixSocket.EffectiveName(new UnixAddress(UnixAddressKind.Pathname, "/tmp/s"), 110);
        Assert.Equal(new UnixAddress(UnixAddressKind.Pathname, "/tmp/s"), name);
        Assert.Equal(9, name.Length);
    }

    [Fact]
    public void EmptyPathname_IsAnAbstractNameOfNuls()
    {
        var name = UnixSocket.EffectiveName(new UnixAddress(UnixAddressKind.Pathname, string.Empty), 5);
        Assert.Equal(new UnixAddress(UnixAddressKind.Abstract, "\0\0"), name);
    }
}
