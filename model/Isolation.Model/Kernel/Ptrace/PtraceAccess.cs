using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Ptrace;

/// <summary>ptrace_may_access: the access check shared by ptrace(2) and /proc/&lt;pid&gt; entries.</summary>
/// <remarks>kernel/ptrace.c __ptrace_may_access and task_still_dumpable; security/commoncap.c cap_ptrace_access_check and cap_ptrace_traceme (6.12).</remarks>
public static class PtraceAccess
{
    /// <summary>
    /// Errno.None if <paramref name="tracer"/> may access <paramref name="target"/> in <paramref name="mode"/>,
    /// else the error (EPERM, or a module's). A task may always access itself. Otherwise the
    /// caller's real ids (REALCREDS) or filesystem ids (FSCREDS) must equal the target's real,
    /// effective and saved ids, or it needs CAP_SYS_PTRACE over the target's namespace; a
    /// non-dumpable target needs CAP_SYS_PTRACE over its address space's namespace; the target's
    /// permitted capabilities must be among the caller's (effective for FSCREDS, permitted for
    /// REALCREDS) unless CAP_SYS_PTRACE; then the stacked modules' ptrace_access_check.
    /// </summary>
    public static Errno MayAccess(KernelState kernel, Task tracer, Task target, PtraceMode mode)
    {
        var fsCreds = (mode & PtraceMode.FsCreds) != 0;
        if (fsCreds == ((mode & PtraceMode.RealCreds) != 0))
        {
            return Errno.EPERM; // "denying ptrace access check without PTRACE_MODE_*CREDS"
        }

        if (tracer == target)
        {
            return Errno.None; // "Don't let security modules deny introspection".
        }

        var cred = tracer.Cred;
        var tcred = target.Cred;
        var (uid, gid) = fsCreds ? (cred.Fsuid, cred.Fsgid) : (cred.Uid, cred.Gid);
        var idsMatch = uid == tcred.Euid && uid == tcred.Suid && uid == tcred.Uid &&
                       gid == tcred.Egid && gid == tcred.Sgid && gid == tcred.Gid;
        if (!idsMatch && !HasPtraceCap(kernel, tracer, tcred.UserNs))
        {
            return Errno.EPERM;
        }

        if (!StillDumpable(kernel, tracer, target))
        {
            return Errno.EPERM;
        }

        var error = CapAccessCheck(kernel, tracer, target, fsCreds);
        return error != Errno.None ? error : kernel.Security.PtraceAccessCheck(tracer, target, mode);
    }

    /// <summary>
    /// cap_ptrace_traceme (the capability module's ptrace_traceme, run before the stacked
    /// modules'): <paramref name="parent"/> becomes the tracer only if it holds every permitted
    /// capability of <paramref name="child"/> in the same namespace, or CAP_SYS_PTRACE over the child's.
    /// </summary>
    public static Errno CapTraceme(KernelState kernel, Task parent, Task child)
    {
        var cred = parent.Cred;
        var childCred = child.Cred;
        if (cred.UserNs == childCred.UserNs && childCred.Permitted.IsSubsetOf(cred.Permitted))
        {
            return Errno.None;
        }

        return HasPtraceCap(kernel, parent, childCred.UserNs) ? Errno.None : Errno.EPERM;
    }

    // cap_ptrace_access_check.
    private static Errno CapAccessCheck(KernelState kernel, Task tracer, Task target, bool fsCreds)
    {
        var cred = tracer.Cred;
        var childCred = target.Cred;
        var callerCaps = fsCreds ? cred.Effective : cred.Permitted;
        if (cred.UserNs == childCred.UserNs && childCred.Permitted.IsSubsetOf(callerCaps))
        {
            return Errno.None;
        }

        return HasPtraceCap(kernel, tracer, childCred.UserNs) ? Errno.None : Errno.EPERM;
    }

    // task_still_dumpable: a live task's mm dumpability over mm->user_ns; a zombie has no mm and
    // keeps user_dumpable, judged over the initial namespace.
    private static bool StillDumpable(KernelState kernel, Task tracer, Task target)
    {
        if (target.Dumpable == Prctl.SuidDumpUser)
        {
            return true;
        }

        return HasPtraceCap(kernel, tracer, target.IsAlive ? target.MmUserNs : kernel.InitUserNs);
    }

    private static bool HasPtraceCap(KernelState kernel, Task task, UserNamespace ns) =>
        Capabilities.NsCapable(kernel, task, ns, Capability.SysPtrace);
}
