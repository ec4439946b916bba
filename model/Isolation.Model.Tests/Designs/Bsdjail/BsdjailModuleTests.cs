using Isolation.Model.Abi;
using Isolation.Model.Designs.Bsdjail;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Designs.Bsdjail;

/// <summary>The bsdjail module's decisions, driven through the calls a program makes.</summary>
public sealed class BsdjailModuleTests
{
    private readonly BsdjailModule _module = new();
    private readonly ProcHarness _h;

    public BsdjailModuleTests() => _h = new ProcHarness(0, _module);

    [Fact]
    public void WriteToAttrExec_MakesAJailThatOnlyTheExecEnters()
    {
        Configure("p1", "ip 10.0.0.5");
        var jail = _module.JailOf(_h.P(1));
        Assert.NotNull(jail);
        Assert.False(_module.InJail(_h.P(1)));
        _h.Setup("p1 execve(\"/proc/self/exe\", [\"runner\"], NULL)");
        Assert.True(_module.InJail(_h.P(1)));
        Assert.Same(jail, _module.JailOf(_h.P(1)));
        Assert.True(jail!.GotIpv4);
        Assert.Equal("10.0.0.5", jail.Addr4.ToString());
        Assert.Equal(1, jail.CurNrTask);
    }

    [Fact]
    public void ForkInJail_SharesTheJailAndCountsTheChild()
    {
        Jail("p1", "lock");
        _h.Setup("p1 fork()");
        Assert.Same(_module.JailOf(_h.P(1)), _module.JailOf(_h.P(2)));
        Assert.Equal(2, _module.JailOf(_h.P(1))!.CurNrTask);
    }

    [Fact]
    public void BadIpv4Address_StopsBeforeTheIpv6One()
    {
        Configure("p1", "ip 300.0.0.1");
        Configure("p1", "ip6 0:0:0:0:0:0:0:1");
        _h.Setup("p1 execve(\"/proc/self/exe\", [\"runner\"], NULL)");
        var jail = _module.JailOf(_h.P(1))!;
        Assert.False(jail.GotIpv4);
        Assert.False(jail.GotIpv6);
        Assert.False(jail.HasAddress);
    }

    [Theory]
    [InlineData("ip6 2001:db8:0:0:0:0:0:5", true)]
    [InlineData("ip6 2001:db8::5", false)]
    [InlineData("ip6 10000:0:0:0:0:0:0:1", false)]
    public void Ipv6Address_NeedsEightGroupsOfAtMost16Bits(string keyword, bool parsed)
    {
        Jail("p1", keyword);
        Assert.Equal(parsed, _module.JailOf(_h.P(1))!.GotIpv6);
    }

    [Fact]
    public void AddressName_StopsAtTheDroppedNewline()
    {
        Configure("p1", "ip 10.0.0.1\n");
        Assert.Equal("10.0.0.1", _module.JailOf(_h.P(1))!.Ip4AddrName);
    }

    [Theory]
    [InlineData(Capability.SysNice)]
    [InlineData(Capability.NetAdmin)]
    [InlineData(Capability.SysModule)]
    [InlineData(Capability.SysRawio)]
    public void JailedRoot_LacksTheFourCapabilities(Capability cap)
    {
        Jail("p1", "lock");
        Assert.False(Capabilities.Capable(_h.Kernel, _h.P(1), cap));
        Assert.True(Capabilities.Capable(_h.Kernel, _h.P(1), Capability.SysAdmin));
    }

    [Fact]
    public void SuperuserRule_FsCapabilitiesFollowFsuidOthersEuid()
    {
        var task = _h.P(1);
        task.Cred = task.Cred with { Euid = 1000 };
        Assert.True(Capabilities.Capable(_h.Kernel, task, Capability.DacOverride));
        Assert.False(Capabilities.Capable(_h.Kernel, task, Capability.Kill));
        task.Cred = task.Cred with { Euid = 0, Fsuid = 1000 };
        Assert.False(Capabilities.Capable(_h.Kernel, task, Capability.DacOverride));
        Assert.True(Capabilities.Capable(_h.Kernel, task, Capability.Kill));
    }

    [Fact]
    public void ExecOutsideAnyJail_ChangesNothing()
    {
        _h.Setup("p1 execve(\"/proc/self/exe\", [\"runner\"], NULL)");
        Assert.Null(_module.JailOf(_h.P(1)));
    }

    [Fact]
    public void JailedExitAndReap_UncountsTheTask()
    {
        _h.Setup("p1 rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8)");
        Jail("p1", "lock");
        _h.Setup("p1 fork()");
        var jail = _module.JailOf(_h.P(1))!;
        Assert.Equal(2, jail.CurNrTask);
        _h.Run("p2 exit_group(0)");
        Assert.Equal(1, jail.CurNrTask);
    }

    [Fact]
    public void SysvObjectMadeInJail_CarriesTheJail()
    {
        Jail("p1", "lock");
        Assert.Equal("0", _h.R("p1 shmget(0x42, 4096, IPC_CREAT|0600)"));
        Assert.Equal(_module.JailOf(_h.P(1)), _module.Blob<Jail>(_h.Kernel.InitIpcNs.Shm.Objects.Single().Security));
    }

    [Fact]
    public void Sigio_FromJailedIo_ReachesOnlyTheOwnerSettersJail()
    {
        _h.Setup("p1 fork()");
        Jail("p1", "lock");
        _h.Setup("p1 fork()", "p1 openat(AT_FDCWD, \"/tmp/f\", O_RDWR|O_CREAT, 0600)", "p1 fcntl(3, F_SETOWN, p2)");
        var file = _h.P(1).Files.Get(3)!;
        var security = _h.Kernel.Security;
        Assert.Equal(Errno.EPERM, security.FileSendSigiotask(_h.P(1), _h.P(2), file, Signals.Io));
        Assert.Equal(Errno.None, security.FileSendSigiotask(_h.P(1), _h.P(3), file, Signals.Io));
        Assert.Equal(Errno.None, security.FileSendSigiotask(_h.P(2), _h.P(2), file, Signals.Io));
    }

    [Fact]
    public void UmountAndGetxattr_FollowTheMountAndProcRules()
    {
        _h.Setup("p1 fork()");
        Jail("p1", "lock");
        var security = _h.Kernel.Security;
        Assert.Equal(Errno.EPERM, security.SbUmount(_h.P(1), "/tmp", 0));
        Assert.Equal(Errno.None, security.SbUmount(_h.P(2), "/tmp", 0));
        Assert.Equal(Errno.None, PathWalk.Resolve(_h.Kernel, _h.P(2), _h.Kernel.Fs.Root, "/proc/p2", out var outside));
        Assert.Equal(Errno.ENOENT, security.InodeGetxattr(_h.P(1), outside!, "security.selinux"));
        Assert.Equal(Errno.None, security.InodeGetxattr(_h.P(2), outside!, "security.selinux"));
    }

    [Fact]
    public void UsageText_HasNoFinalNewline() => Assert.False(BsdjailModule.Usage.EndsWith('\n'));

    private void Configure(string process, string keyword)
    {
        _h.Setup($"{process} openat(AT_FDCWD, \"/proc/self/attr/exec\", O_WRONLY)");
        var fd = _h.P(int.Parse(process[1..], System.Globalization.CultureInfo.InvariantCulture)).Files.Numbers.Max();
        var escaped = keyword.Replace("\n", "\\n", StringComparison.Ordinal);
        _h.Setup($"{process} write({fd}, \"{escaped}\", {keyword.Length})", $"{process} close({fd})");
    }

    private void Jail(string process, string keyword)
    {
        Configure(process, keyword);
        _h.Setup($"{process} execve(\"/proc/self/exe\", [\"runner\"], NULL)");
    }
}
