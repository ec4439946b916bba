using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Ptrace;
using Isolation.Model.Lsm;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Ptrace;

/// <summary>ptrace_may_access: kernel/ptrace.c __ptrace_may_access, security/commoncap.c cap_ptrace_access_check (6.12).</summary>
public sealed class PtraceAccessTests
{
    private const PtraceMode AttachReal = PtraceMode.Attach | PtraceMode.RealCreds;
    private const PtraceMode ReadFs = PtraceMode.Read | PtraceMode.FsCreds;

    [Fact]
    public void SameUserDumpableTarget_IsAllowed()
    {
        var h = Pair(1000);
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
    }

    [Fact]
    public void ATaskMayAlwaysAccessItself_EvenWhenAModuleWouldRefuse()
    {
        var module = new TestModule((hooks, m) => hooks.PtraceAccessCheck.Add(m, (_, _, _) => Errno.EACCES));
        var h = new ProcHarness(1000, module);
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(1), AttachReal));
    }

    [Fact]
    public void WithoutACredsMode_IsEPERM()
    {
        var h = Pair(1000);
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), PtraceMode.Attach));
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), PtraceMode.Attach | PtraceMode.RealCreds | PtraceMode.FsCreds));
    }

    [Fact]
    public void TargetWithADifferentSavedUid_NeedsCapSysPtrace()
    {
        var h = Pair(1000);
        h.P(2).Cred = h.P(2).Cred with { Suid = 0 };
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
    }

    [Fact]
    public void NonDumpableTarget_NeedsCapSysPtraceOverItsMmNamespace()
    {
        var h = Pair(1000);
        h.P(2).Dumpable = 0;
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
        var root = Pair(0);
        root.P(2).Dumpable = 0;
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(root.Kernel, root.P(1), root.P(2), AttachReal));
    }

    [Fact]
    public void FsCreds_UseTheFilesystemUid_RealCreds_TheRealUid()
    {
        var h = Pair(1000);
        h.P(1).Cred = h.P(1).Cred with { Uid = 2000, Gid = 2000 };
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), ReadFs));
    }

    [Fact]
    public void TargetWithCapabilitiesTheTracerLacks_IsEPERM_UnlessCapSysPtrace()
    {
        var h = Pair(0);
        h.P(1).Cred = h.P(1).Cred with
        {
            Permitted = CapSet.Full.Without(Capability.NetRaw).Without(Capability.SysPtrace),
            Effective = CapSet.Full.Without(Capability.NetRaw).Without(Capability.SysPtrace),
        };
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
        h.P(1).Cred = h.P(1).Cred with { Effective = h.P(1).Cred.Effective.With(Capability.SysPtrace) };
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
    }

    [Fact]
    public void FsCredsCompareTheTargetsPermittedWithTheCallersEffective()
    {
        var h = Pair(0);
        h.P(1).Cred = h.P(1).Cred with { Effective = CapSet.Full.Without(Capability.NetRaw).Without(Capability.SysPtrace) };
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), ReadFs));
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), PtraceMode.Read | PtraceMode.RealCreds));
    }

    [Fact]
    public void OwnerOfAChildUserNamespace_MayTraceTasksInIt_ButNotTheOtherWay()
    {
        var h = Pair(1000);
        h.Setup("p2 unshare(CLONE_NEWUSER)");
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(2), h.P(1), AttachReal));
    }

    [Fact]
    public void ModuleHook_RunsLastAndItsErrorWins()
    {
        var module = new TestModule((hooks, m) => hooks.PtraceAccessCheck.Add(m, (_, _, mode) => mode.HasFlag(PtraceMode.Attach) ? Errno.EACCES : Errno.None));
        var h = new ProcHarness(1000, module);
        h.Setup("p1 fork()");
        Assert.Equal(Errno.EACCES, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), ReadFs));
        h.P(2).Dumpable = 0;
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), AttachReal));
    }

    [Fact]
    public void ZombieTarget_IsJudgedByItsLastDumpabilityOverTheInitialNamespace()
    {
        var h = Pair(1000);
        h.Setup("p2 unshare(CLONE_NEWUSER)", "p2 prctl(PR_SET_DUMPABLE, 0)", "p2 exit_group(0)");
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(2), ReadFs));
    }

    [Fact]
    public void NonDumpableTargetAfterUnshare_IsJudgedOverItsMmNamespaceStill()
    {
        var h = Pair(1000);
        h.Setup("p1 unshare(CLONE_NEWUSER)", "p1 fork()", "p3 prctl(PR_SET_DUMPABLE, 0)");
        Assert.Equal(h.Kernel.InitUserNs, h.P(3).MmUserNs);
        Assert.Equal(Errno.EPERM, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(3), AttachReal));
        h.Setup("p3 execve(\"/proc/self/exe\", [], NULL)", "p3 prctl(PR_SET_DUMPABLE, 0)");
        Assert.Equal(Errno.None, PtraceAccess.MayAccess(h.Kernel, h.P(1), h.P(3), AttachReal));
    }

    private static ProcHarness Pair(int user)
    {
        var h = new ProcHarness(user);
        h.Setup("p1 fork()");
        return h;
    }
}
