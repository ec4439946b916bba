using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Tests.Tasks;

namespace Isolation.Model.Tests.Creds;

/// <summary>capget and capset: kernel/capability.c, security/commoncap.c cap_capset (6.12).</summary>
public sealed class CapsetTests
{
    private const string Header = "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}";

    [Fact]
    public void Capget_PrintsTheSetsAsStraceDoes()
    {
        var h = new ProcHarness();
        h.P(1).Cred = h.P(1).Cred with { Effective = CapSet.Empty.With(Capability.Chown).With(Capability.Kill), Inheritable = CapSet.Empty };
        var outcome = h.Run($"p1 capget({Header}, {{effective=0, permitted=0, inheritable=0}})");
        Assert.StartsWith("{effective=1<<CAP_CHOWN|1<<CAP_KILL, permitted=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|", ProcHarness.Output(outcome, 1));
        Assert.EndsWith("1<<CAP_CHECKPOINT_RESTORE, inheritable=0}", ProcHarness.Output(outcome, 1));
    }

    [Fact]
    public void Capset_DroppingCapabilities_Works_AndRaisingThemAgain_IsEPERM()
    {
        var h = new ProcHarness();
        Assert.Equal("0", h.R($"p1 capset({Header}, {{effective=1<<CAP_KILL, permitted=1<<CAP_KILL|1<<CAP_NET_RAW, inheritable=0}})"));
        Assert.Equal(CapSet.Empty.With(Capability.Kill), h.P(1).Cred.Effective);
        Assert.Equal("EPERM", h.R($"p1 capset({Header}, {{effective=1<<CAP_NET_RAW|1<<CAP_SYS_ADMIN, permitted=1<<CAP_NET_RAW|1<<CAP_SYS_ADMIN, inheritable=0}})"));
        Assert.Equal("EPERM", h.R($"p1 capset({Header}, {{effective=1<<CAP_CHOWN, permitted=1<<CAP_KILL, inheritable=0}})"));
        Assert.Equal("0", h.R($"p1 capset({Header}, {{effective=0, permitted=1<<CAP_NET_RAW, inheritable=1<<CAP_NET_RAW}})"));
    }

    [Fact]
    public void Capset_NewInheritableOutsidePermitted_NeedsCapSetpcap()
    {
        var h = new ProcHarness();
        h.Setup($"p1 capset({Header}, {{effective=1<<CAP_KILL, permitted=1<<CAP_KILL, inheritable=0}})");
        Assert.Equal("EPERM", h.R($"p1 capset({Header}, {{effective=0, permitted=0, inheritable=1<<CAP_NET_RAW}})"));
    }

    [Fact]
    public void Capset_OnAnotherProcess_IsEPERM_AndAnUnknownVersion_IsEINVAL()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()");
        Assert.Equal("EPERM", h.R("p1 capset({version=_LINUX_CAPABILITY_VERSION_3, pid=p2}, {effective=0, permitted=0, inheritable=0})"));
        var outcome = h.Run("p1 capget({version=0x12345678, pid=0}, {effective=0, permitted=0, inheritable=0})");
        Assert.True(outcome.IsError);
        Assert.Equal("{version=_LINUX_CAPABILITY_VERSION_3, pid=0}", ProcHarness.Output(outcome, 0));
        Assert.Equal("0", h.R("p1 capget({version=0x12345678, pid=0}, NULL)"));
    }

    [Fact]
    public void Capget_OfAnotherProcess_ReadsItsSets()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 setresuid(1000, 1000, 1000)");
        var outcome = h.Run("p1 capget({version=_LINUX_CAPABILITY_VERSION_3, pid=p2}, {effective=0, permitted=0, inheritable=0})");
        Assert.Equal("{effective=0, permitted=0, inheritable=0}", ProcHarness.Output(outcome, 1));
    }
}
