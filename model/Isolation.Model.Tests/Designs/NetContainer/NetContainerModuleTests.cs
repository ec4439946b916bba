using Isolation.Model.Designs.NetContainer;
using Isolation.Model.Tests.Tasks;

namespace Isolation.Model.Tests.Designs.NetContainer;

/// <summary>The module's decisions: network_create, network_socket_bind and the variant's can_attach (seed 002_d6ff0dffc80eb989.txt).</summary>
public sealed class NetContainerModuleTests
{
    private const string Bind127 = "bind(3, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}, 16)";

    [Fact]
    public void FirstChildContainer_RegistersTheHooks_TheRootOneDoesNot()
    {
        var module = new NetContainerModule(canAttach: false);
        var h = new ProcHarness(0, module);
        Assert.False(module.Subsystem.SecurityRegistered);
        Assert.Same(module.Subsystem.Top, module.NetworkOf(h.P(1)));
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)", "p1 rmdir(\"/sys/fs/cgroup/c1\")");
        Assert.True(module.Subsystem.SecurityRegistered);
    }

    [Theory]
    [InlineData("0100007F", "0")]
    [InlineData("7F000001", "EPERM")]
    [InlineData("0100000A", "EPERM")]
    public void Bind_InAContainer_IsAllowedOnlyForAListedAddress(string entry, string expected)
    {
        var h = Contained(false, entry);
        h.Setup("p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal(expected, h.R("p2 " + Bind127.Replace("(3,", "(5,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Bind_OfIpv6AndUnixSockets_IsNeverFiltered()
    {
        var h = Contained(false);
        h.Setup("p2 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP)", "p2 socket(AF_UNIX, SOCK_DGRAM, 0)");
        Assert.Equal("0", h.R("p2 bind(5, {sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::ffff:127.0.0.1\", &sin6_addr), sin6_scope_id=0}, 28)"));
        Assert.Equal("0", h.R("p2 bind(6, {sa_family=AF_UNIX, sun_path=@\"x\"}, 4)"));
    }

    [Theory]
    [InlineData(false, "1")]
    [InlineData(true, "EPERM")]
    public void MovingOut_WithoutCapNetAdmin_IsRefusedOnlyByTheVariant(bool canAttach, string expected)
    {
        var h = Contained(canAttach);
        h.Setup("p2 prctl(PR_CAPBSET_DROP, CAP_NET_ADMIN)", "p2 execve(\"/proc/self/exe\", [\"/proc/self/exe\"], NULL)", "p2 openat(AT_FDCWD, \"/sys/fs/cgroup/cgroup.procs\", O_WRONLY)");
        Assert.Equal(expected, h.R("p2 write(5, \"0\", 1)"));
    }

    [Fact]
    public void CreatingAContainer_ChecksCapNetAdminBeforeAnythingElse()
    {
        var h = new ProcHarness(0, new NetContainerModule(canAttach: false));
        h.Setup("p1 prctl(PR_CAPBSET_DROP, CAP_NET_ADMIN)", "p1 execve(\"/proc/self/exe\", [\"/proc/self/exe\"], NULL)");
        Assert.Equal("EPERM", h.R("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)"));
        Assert.Empty(h.Kernel.Cgroups.Root.Children);
    }

    /// <summary>p1 made container c1 with <paramref name="entries"/>; p2 moved itself into it (fds 3 and 4 are taken).</summary>
    private static ProcHarness Contained(bool canAttach, params string[] entries)
    {
        var h = new ProcHarness(0, new NetContainerModule(canAttach));
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/network.ipv4\", O_WRONLY)");
        foreach (var entry in entries)
        {
            h.Setup($"p1 write(3, \"add.{entry}\", {entry.Length + 4})");
        }

        h.Setup("p1 fork()", "p2 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)", "p2 write(4, \"0\", 1)");
        return h;
    }
}
