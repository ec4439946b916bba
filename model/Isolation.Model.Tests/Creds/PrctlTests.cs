using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Creds;

/// <summary>prctl: kernel/sys.c, security/commoncap.c cap_task_prctl, security/security.c security_task_prctl (6.12).</summary>
public sealed class PrctlTests
{
    [Theory]
    [InlineData("PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0")]
    [InlineData("PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0")]
    [InlineData("PR_SET_NO_NEW_PRIVS, 2")]
    public void SetNoNewPrivs_WithOtherArguments_IsEINVAL(string args)
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("EINVAL", h.R($"p1 prctl({args})"));
        Assert.False(h.P(1).NoNewPrivs);
    }

    [Fact]
    public void NoNewPrivs_IsSetOnceAndInherited()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("0", h.R("p1 prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)"));
        h.Setup("p1 prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)", "p1 fork()");
        Assert.Equal("1", h.R("p2 prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)"));
        Assert.Equal("EINVAL", h.R("p2 prctl(PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0)"));
    }

    [Fact]
    public void SetDumpable_AcceptsOnlyZeroAndOne()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("EINVAL", h.R("p1 prctl(PR_SET_DUMPABLE, SUID_DUMP_ROOT)"));
        Assert.Equal("0", h.R("p1 prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE)"));
        Assert.Equal("0", h.R("p1 prctl(PR_GET_DUMPABLE)"));
        Assert.Equal("0", h.R("p1 prctl(PR_SET_DUMPABLE, 1)"));
        Assert.Equal("1", h.R("p1 prctl(PR_GET_DUMPABLE)"));
    }

    [Fact]
    public void CapbsetDrop_AsUser_IsEPERM_AsRootDropsIt()
    {
        var user = new ProcHarness(user: 1000);
        Assert.Equal("EPERM", user.R("p1 prctl(PR_CAPBSET_DROP, CAP_NET_RAW)"));
        Assert.Equal("1", user.R("p1 prctl(PR_CAPBSET_READ, CAP_NET_RAW)"));
        var root = new ProcHarness();
        Assert.Equal("0", root.R("p1 prctl(PR_CAPBSET_DROP, CAP_NET_RAW)"));
        Assert.Equal("0", root.R("p1 prctl(PR_CAPBSET_READ, CAP_NET_RAW)"));
        Assert.Equal("EINVAL", root.R("p1 prctl(PR_CAPBSET_READ, 41)"));
        Assert.Equal("EINVAL", root.R("p1 prctl(PR_CAPBSET_DROP, 41)"));
    }

    [Fact]
    public void CapAmbientRaise_WithoutTheCapabilityInheritable_IsEPERM()
    {
        var h = new ProcHarness();
        Assert.Equal("EPERM", h.R("p1 prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0)"));
        h.P(1).Cred = h.P(1).Cred with { Inheritable = CapSet.Empty.With(Capability.NetRaw) };
        Assert.Equal("0", h.R("p1 prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0)"));
        Assert.Equal("1", h.R("p1 prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0)"));
        Assert.Equal("EINVAL", h.R("p1 prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 1, 0, 0)"));
    }

    [Fact]
    public void AmbientCapability_SurvivesExecAfterDroppingRoot()
    {
        var h = new ProcHarness();
        h.P(1).Cred = h.P(1).Cred with { Inheritable = CapSet.Empty.With(Capability.NetRaw) };
        h.Setup(
            "p1 prctl(PR_SET_KEEPCAPS, 1)",
            "p1 setresuid(1000, 1000, 1000)",
            "p1 prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0)",
            "p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(CapSet.Empty.With(Capability.NetRaw), h.P(1).Cred.Effective);
        Assert.Equal(CapSet.Empty.With(Capability.NetRaw), h.P(1).Cred.Permitted);
    }

    [Fact]
    public void SetSecurebits_AsUser_IsEPERM_AndLockedBitsStayLocked()
    {
        var user = new ProcHarness(user: 1000);
        Assert.Equal("EPERM", user.R("p1 prctl(PR_SET_SECUREBITS, SECBIT_NOROOT)"));
        var root = new ProcHarness();
        Assert.Equal("0", root.R("p1 prctl(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS_LOCKED)"));
        Assert.Equal("EPERM", root.R("p1 prctl(PR_SET_KEEPCAPS, 1)"));
        Assert.Equal("EPERM", root.R("p1 prctl(PR_SET_SECUREBITS, 0)"));
        Assert.Equal("32", root.R("p1 prctl(PR_GET_SECUREBITS)"));
    }

    [Fact]
    public void SecbitNoroot_MakesExecDropRootsCapabilities()
    {
        var h = new ProcHarness();
        h.Setup("p1 prctl(PR_SET_SECUREBITS, SECBIT_NOROOT)", "p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(CapSet.Empty, h.P(1).Cred.Permitted);
    }

    [Fact]
    public void UnknownOption_IsEINVAL_AndAKnownUnmodelledOne_CannotBeAnswered()
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R("p1 prctl(0x3039, 0x1, 0x2, 0x3, 0x4)"));
        Assert.Throws<TraceException>(() => h.Run("p1 prctl(PR_SET_NAME, \"x\")"));
    }

    [Fact]
    public void ModuleOption_IsAnsweredByTheModuleBeforeProcessOptions()
    {
        var module = new TestModule((hooks, m) => hooks.TaskPrctl.Add(m, (_, option, arg2, _, _, _) => option == 0x7777 ? arg2 + 1 : -38));
        var h = new ProcHarness(0, module);
        Assert.Equal("6", h.R("p1 prctl(0x7777, 5)"));
        Assert.Equal("1", h.R("p1 prctl(PR_GET_DUMPABLE)"));
    }

    [Fact]
    public void ModuleAnsweringZero_LetsTheNextModuleRefuse()
    {
        var allow = new TestModule((hooks, m) => hooks.TaskPrctl.Add(m, (_, option, _, _, _, _) => option == 0x7777 ? 0 : -38));
        var refuse = new TestModule((hooks, m) => hooks.TaskPrctl.Add(m, (_, option, _, _, _, _) => option == 0x7777 ? -1 : -38));
        var h = new ProcHarness(0, allow, refuse);
        Assert.Equal("EPERM", h.R("p1 prctl(0x7777)"));
    }
}
