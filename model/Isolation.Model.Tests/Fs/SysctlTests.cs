using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Fs;

/// <summary>/proc/sys: fs/proc/proc_sysctl.c, net/sysctl_net.c (6.12) and the 2.6 sysctl hook; EACCES for users checked on 6.18.</summary>
public sealed class SysctlTests
{
    [Fact]
    public void UserOpeningIpForwardForWriting_IsEACCES_ReadingIsAllowed()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("EACCES", h.R("p1 open(\"/proc/sys/net/ipv4/ip_forward\", O_WRONLY)"));
        Assert.Equal("EACCES", h.R("p1 open(\"/proc/sys/kernel/hostname\", O_RDWR)"));
        Assert.Equal("3", h.R("p1 open(\"/proc/sys/net/ipv4/ip_forward\", O_RDONLY)"));
        Assert.Equal("\"0\\n\"", ProcHarness.Output(h.Run("p1 read(3, \"\", 10)"), 1));
        Assert.Equal("ENOENT", h.R("p1 open(\"/proc/sys/net/nope\", O_RDONLY)"));
    }

    [Fact]
    public void RootWritesIpForwardAndHostname()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/proc/sys/net/ipv4/ip_forward\", O_RDWR)", "p1 open(\"/proc/sys/kernel/hostname\", O_WRONLY)");
        Assert.Equal("2", h.R("p1 write(3, \"1\\n\", 2)"));
        Assert.Equal("0", h.R("p1 lseek(3, 0, SEEK_SET)"));
        Assert.Equal("\"1\\n\"", ProcHarness.Output(h.Run("p1 read(3, \"\", 10)"), 1));
        Assert.Equal("4", h.R("p1 write(4, \"jail\", 4)"));
        Assert.Equal("jail", h.Kernel.Fs.Sysctl.Hostname);
        h.Setup("p1 open(\"/proc/sys/net/ipv4/ip_forward\", O_WRONLY)");
        Assert.Equal("EINVAL", h.R("p1 write(5, \"one\", 3)"));
    }

    [Fact]
    public void SysctlHook_ComesBeforeTheModeTest_AndIsAskedAgainAtWrite()
    {
        var asked = new List<(string, int)>();
        var refuse = false;
        var module = new TestModule((hooks, m) => hooks.Sysctl.Add(m, (_, name, mask) =>
        {
            asked.Add((name, mask));
            return refuse && (mask & 2) != 0 ? Errno.EPERM : Errno.None;
        }));
        var h = new ProcHarness(0, module);
        h.Setup("p1 open(\"/proc/sys/kernel/hostname\", O_WRONLY)");
        Assert.Equal([("kernel", 1), ("kernel/hostname", 2)], asked);
        refuse = true;
        Assert.Equal("EPERM", h.R("p1 write(3, \"x\", 1)"));
        Assert.Equal("EPERM", h.R("p1 open(\"/proc/sys/kernel/hostname\", O_WRONLY)"));
    }

    [Fact]
    public void WriteAfterLosingEuidZero_IsEPERM()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/proc/sys/kernel/hostname\", O_WRONLY)", "p1 setresuid(1000, 1000, 0)");
        Assert.Equal("EPERM", h.R("p1 write(3, \"x\", 1)"));
    }
}
