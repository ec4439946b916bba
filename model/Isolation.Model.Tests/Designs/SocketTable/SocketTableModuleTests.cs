using Isolation.Model.Designs.SocketTable;
using Isolation.Model.Tests.Tasks;

namespace Isolation.Model.Tests.Designs.SocketTable;

/// <summary>The module's decisions: one table per network namespace, the caller's network_id, the chains each call reaches.</summary>
public sealed class SocketTableModuleTests
{
    private const string BindAny = "bind(5, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"0.0.0.0\")}, 16)";

    [Fact]
    public void Tables_ArePerNetworkNamespace_AndANewOneAcceptsEverything()
    {
        var module = new SocketTableModule();
        var h = new ProcHarness(0, module);
        h.Setup("p1 openat(AT_FDCWD, \"/proc/net/socket_table\", O_WRONLY)", "p1 write(3, \"-P BIND DROP\\n\", 13)", "p1 fork()", "p2 unshare(CLONE_NEWNET)");
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", "p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", "p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("EPERM", h.R("p1 " + BindAny));
        Assert.Equal("0", h.R("p2 " + BindAny));
        Assert.NotSame(module.TableOf(h.P(1).NetNs), module.TableOf(h.P(2).NetNs));
        Assert.Equal(SocketVerdict.Accept, module.TableOf(h.P(2).NetNs).Policy(SocketChain.Bind));
    }

    [Fact]
    public void NetworkIds_FollowTheCallersCgroup()
    {
        var module = new SocketTableModule();
        var h = new ProcHarness(0, module);
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/a\", 0755)", "p1 mkdir(\"/sys/fs/cgroup/a/b\", 0755)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/a/b/cgroup.procs\", O_WRONLY)");
        Assert.Equal(0, module.Subsystem.IdOf(h.P(1)));
        h.Setup("p1 write(3, \"0\", 1)", "p1 fork()");
        Assert.Equal(2, module.Subsystem.IdOf(h.P(1)));
        Assert.Equal(2, module.Subsystem.IdOf(h.P(2)));
    }

    [Fact]
    public void RecvfromChain_OnlyForUnboundDatagramSockets()
    {
        var h = new ProcHarness(0, new SocketTableModule());
        h.Setup("p1 openat(AT_FDCWD, \"/proc/net/socket_table\", O_WRONLY)", "p1 write(3, \"-P RECVFROM DROP\\n\", 17)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("ENOTCONN", h.R("p1 recvfrom(4, \"\", 8, MSG_DONTWAIT, NULL, NULL)"));
        Assert.Equal("EPERM", h.R("p1 recvfrom(5, \"\", 8, MSG_DONTWAIT, NULL, NULL)"));
    }

    [Fact]
    public void ProcNet_HasOnlyTheRegisteredFile()
    {
        Assert.Equal("ENOENT", new ProcHarness(0).R("p1 openat(AT_FDCWD, \"/proc/net/socket_table\", O_RDONLY)"));
        var h = new ProcHarness(0, new SocketTableModule());
        Assert.Equal("ENOENT", h.R("p1 openat(AT_FDCWD, \"/proc/net/ip_tables_names\", O_RDONLY)"));
        Assert.Equal("EINVAL", h.R($"p1 write({h.R("p1 openat(AT_FDCWD, \"/proc/net/socket_table\", O_WRONLY)")}, \"{new string(' ', 4096)}\", 4096)"));
    }
}
