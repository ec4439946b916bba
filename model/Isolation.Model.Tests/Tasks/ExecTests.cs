using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Tests.Tasks;

/// <summary>execve: fs/exec.c begin_new_exec and security/commoncap.c cap_bprm_creds_from_file (6.12).</summary>
public sealed class ExecTests
{
    [Fact]
    public void Execve_ClosesCloseOnExecDescriptorsOnly()
    {
        var h = new ProcHarness();
        var file = new OpenFile(new StdioFile(), OpenFlags.ReadWrite);
        h.P(1).Files.InstallAt(5, file, closeOnExec: true);
        Assert.Equal("0", h.R("p1 execve(\"/proc/self/exe\", [\"/proc/self/exe\"], NULL)"));
        Assert.Null(h.P(1).Files.Get(5));
        Assert.Equal(0, file.References);
        Assert.NotNull(h.P(1).Files.Get(0));
    }

    [Fact]
    public void Execve_OfAPathThatIsNotAProgram_FailsAsOpeningItForExecDoes()
    {
        var h = new ProcHarness();
        Assert.Equal("ENOENT", h.R("p1 execve(\"/tmp/nonexistent\", [\"x\"], NULL)"));
        Assert.Equal("EACCES", h.R("p1 execve(\"/tmp\", [\"x\"], NULL)"));
        Assert.Equal("0", h.R("p1 execve(\"/proc/self/exe\", [\"x\"], NULL)"));
    }

    [Fact]
    public void Execve_AsRoot_KeepsEveryCapability()
    {
        var h = new ProcHarness();
        h.Setup("p1 execve(\"/proc/self/exe\", [\"runner\"], NULL)");
        Assert.Equal(CapSet.Full, h.P(1).Cred.Permitted);
        Assert.Equal(CapSet.Full, h.P(1).Cred.Effective);
    }

    [Fact]
    public void Execve_AfterKeepcapsUidChange_LosesTheKeptCapabilities()
    {
        var h = new ProcHarness();
        h.Setup("p1 prctl(PR_SET_KEEPCAPS, 1)", "p1 setresuid(1000, 1000, 1000)");
        Assert.Equal(CapSet.Full, h.P(1).Cred.Permitted);
        Assert.Equal(CapSet.Empty, h.P(1).Cred.Effective);
        h.Setup("p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(CapSet.Empty, h.P(1).Cred.Permitted);
        Assert.False(h.P(1).Cred.IsSecure(Securebits.KeepCaps));
    }

    [Fact]
    public void Execve_AfterDroppingToAUser_IsDumpableAgain()
    {
        var h = new ProcHarness();
        h.Setup("p1 setresuid(1000, 1000, 1000)");
        Assert.Equal("0", h.R("p1 prctl(PR_GET_DUMPABLE)"));
        h.Setup("p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal("1", h.R("p1 prctl(PR_GET_DUMPABLE)"));
    }

    [Fact]
    public void Execve_WithEffectiveUidOtherThanReal_IsNotDumpable()
    {
        var h = new ProcHarness();
        h.Setup("p1 setreuid(-1, 1000)", "p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal("0", h.R("p1 prctl(PR_GET_DUMPABLE)"));
        Assert.Equal("1000", h.R("p1 geteuid()"));
    }

    [Fact]
    public void Execve_CallsTheBprmHooksInLinuxOrder()
    {
        var module = new TestModule((hooks, m) =>
        {
            hooks.BprmCredsForExec.Add(m, _ => { m.Calls.Add("creds_for_exec"); return Errno.None; });
            hooks.BprmCheckSecurity.Add(m, _ => { m.Calls.Add("check_security"); return Errno.None; });
            hooks.BprmCommittingCreds.Add(m, _ => m.Calls.Add("committing_creds"));
            hooks.BprmCommittedCreds.Add(m, b => m.Calls.Add("committed_creds:" + (b.Task.Cred == b.NewCred)));
        });
        var h = new ProcHarness(0, module);
        h.Setup("p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(["creds_for_exec", "check_security", "committing_creds", "committed_creds:True"], module.Calls);
    }

    [Fact]
    public void Execve_RefusedByBprmCheck_ChangesNothing()
    {
        var module = new TestModule((hooks, m) => hooks.BprmCheckSecurity.Add(m, _ => Errno.EACCES));
        var h = new ProcHarness(0, module);
        h.P(1).Files.InstallAt(5, new OpenFile(new StdioFile(), OpenFlags.ReadWrite), closeOnExec: true);
        Assert.Equal("EACCES", h.R("p1 execve(\"/proc/self/exe\", [], NULL)"));
        Assert.NotNull(h.P(1).Files.Get(5));
    }

    [Fact]
    public void Execve_InANewUserNamespaceWithoutMap_LosesItsCapabilities()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 unshare(CLONE_NEWUSER)");
        Assert.Equal(CapSet.Full, h.P(1).Cred.Effective);
        h.Setup("p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(CapSet.Empty, h.P(1).Cred.Effective);
    }

    [Fact]
    public void Execve_AsMappedRootOfANewUserNamespace_KeepsItsCapabilities()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 unshare(CLONE_NEWUSER)");
        Assert.Equal(Errno.None, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), h.P(1).Cred.UserNs, "0 1000 1\n"));
        h.Setup("p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(CapSet.Full, h.P(1).Cred.Effective);
        Assert.Equal(h.P(1).Cred.UserNs, h.P(1).MmUserNs);
    }

    [Fact]
    public void Execve_RootRegainingCapabilitiesUnderAnUnprivilegedTracer_GetsNone()
    {
        var h = new ProcHarness();
        var p1 = h.P(1);
        p1.Cred = p1.Cred with { Permitted = CapSet.Empty, Effective = CapSet.Empty };
        p1.Tracer = p1;
        p1.PtracerCred = Cred.User(h.Kernel.InitUserNs, 1000);
        h.Setup("p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(CapSet.Empty, p1.Cred.Permitted);
    }

    [Fact]
    public void Execve_RootWithNoNewPrivs_DoesNotRegainDroppedCapabilities()
    {
        var h = new ProcHarness();
        var p1 = h.P(1);
        p1.Cred = p1.Cred with { Permitted = CapSet.Empty.With(Capability.Kill), Effective = CapSet.Empty };
        h.Setup("p1 prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)", "p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(CapSet.Empty.With(Capability.Kill), p1.Cred.Permitted);
        Assert.Equal(CapSet.Empty.With(Capability.Kill), p1.Cred.Effective);
    }

    [Fact]
    public void Execve_RootRegainingDroppedCapabilities_BecomesNonDumpable()
    {
        var h = new ProcHarness();
        var p1 = h.P(1);
        p1.Cred = p1.Cred with { Permitted = CapSet.Empty, Effective = CapSet.Empty };
        h.Setup("p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal(CapSet.Full, p1.Cred.Permitted);
        Assert.Equal(0, p1.Dumpable);
    }

    [Fact]
    public void Execve_KeepsIgnoredSignalsIgnored()
    {
        var h = new ProcHarness();
        h.Setup("p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Contains(Signals.Usr1, h.P(1).IgnoredSignals);
    }

    [Fact]
    public void Execve_SetsSecureexecForAnEffectiveUidChange()
    {
        Binprm? seen = null;
        var module = new TestModule((hooks, m) => hooks.BprmCommittedCreds.Add(m, b => seen = b));
        var h = new ProcHarness(0, module);
        h.Setup("p1 setreuid(-1, 1000)", "p1 execve(\"/proc/self/exe\", [], NULL)");
        Assert.True(seen!.Secureexec);
    }
}
