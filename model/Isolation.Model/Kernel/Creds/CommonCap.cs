using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Creds;

/// <summary>
/// The capability module's credential rules that are not capability checks: what exec grants,
/// what a uid change takes away, what capset allows, and who may renice whom. Linux runs these as the first LSM.
/// </summary>
/// <remarks>security/commoncap.c (6.12): cap_bprm_creds_from_file, cap_task_fix_setuid, cap_capset, cap_safe_nice.</remarks>
public static class CommonCap
{
    /// <summary>
    /// cap_bprm_creds_from_file for a program with no set-id bit and no file capabilities (the only
    /// program the model execs). Root (real or effective, unless SECBIT_NOROOT) gets its bounding
    /// and inheritable sets as permitted, and them effective if its euid is root; anyone else keeps
    /// only its ambient set. A privilege gain is cut back under no_new_privs or a tracer that lacks
    /// CAP_SYS_PTRACE over the new namespace; <see cref="Binprm.Secureexec"/> is set as Linux sets AT_SECURE.
    /// </summary>
    public static void BprmCredsFromFile(KernelState kernel, Task current, Binprm bprm)
    {
        var old = current.Cred;
        var cred = bprm.NewCred with { Permitted = CapSet.Empty };
        var effective = false;
        var rootUid = cred.UserNs.MakeKuid(0);
        if (!old.IsSecure(Securebits.NoRoot))
        {
            if (cred.Euid == rootUid || cred.Uid == rootUid)
            {
                cred = cred with { Permitted = old.Bounding.Union(old.Inheritable) };
            }

            effective = cred.Euid == rootUid;
        }

        var isSetid = cred.Euid != old.Uid || cred.Egid != old.Gid;
        if ((isSetid || !cred.Permitted.IsSubsetOf(old.Permitted)) &&
            (current.NoNewPrivs || !PtracerCapable(kernel, current, cred.UserNs)))
        {
            if (!Capabilities.NsCapable(kernel, current, cred.UserNs, Capability.Setuid) || current.NoNewPrivs)
            {
                cred = cred with { Euid = cred.Uid, Egid = cred.Gid };
            }

            cred = cred with { Permitted = cred.Permitted.Intersect(old.Permitted) };
        }

        cred = cred with { Suid = cred.Euid, Fsuid = cred.Euid, Sgid = cred.Egid, Fsgid = cred.Egid };
        if (isSetid)
        {
            cred = cred with { Ambient = CapSet.Empty };
        }

        cred = cred with { Permitted = cred.Permitted.Union(cred.Ambient) };
        cred = cred with
        {
            Effective = effective ? cred.Permitted : cred.Ambient,
            Securebits = cred.Securebits & ~Securebits.KeepCaps,
        };
        bprm.Secureexec = isSetid || (cred.Uid != rootUid && (effective || !cred.Permitted.IsSubsetOf(cred.Ambient)));
        bprm.NewCred = cred;
    }

    /// <summary>
    /// cap_task_fix_setuid for setuid, setreuid and setresuid (cap_emulate_setxuid): leaving uid 0
    /// in every one of real, effective and saved uid clears permitted and effective (unless
    /// SECBIT_KEEP_CAPS) and ambient; an euid leaving 0 clears effective; an euid becoming 0
    /// raises effective to permitted. SECBIT_NO_SETUID_FIXUP turns all of this off.
    /// </summary>
    public static Cred FixSetuid(Cred cred, Cred old)
    {
        if (old.IsSecure(Securebits.NoSetuidFixup))
        {
            return cred;
        }

        var root = old.UserNs.MakeKuid(0);
        if ((old.Uid == root || old.Euid == root || old.Suid == root) &&
            cred.Uid != root && cred.Euid != root && cred.Suid != root)
        {
            if (!old.IsSecure(Securebits.KeepCaps))
            {
                cred = cred with { Permitted = CapSet.Empty, Effective = CapSet.Empty };
            }

            cred = cred with { Ambient = CapSet.Empty };
        }

        if (old.Euid == root && cred.Euid != root)
        {
            cred = cred with { Effective = CapSet.Empty };
        }

        if (old.Euid != root && cred.Euid == root)
        {
            cred = cred with { Effective = cred.Permitted };
        }

        return cred;
    }

    /// <summary>
    /// cap_capset: the credentials with the new sets, or EPERM when the inheritable set gains a
    /// capability outside the old inheritable and permitted sets (without CAP_SETPCAP, by cap_capable
    /// alone) or outside the old inheritable and bounding sets, the permitted set grows, or the
    /// effective set is not within the new permitted one. The ambient set keeps what stays both
    /// permitted and inheritable.
    /// </summary>
    public static Errno Capset(Cred old, CapSet effective, CapSet inheritable, CapSet permitted, out Cred cred)
    {
        cred = old;
        var inheritableCapped = !Capabilities.CommonCapable(old, old.UserNs, Capability.Setpcap);
        if ((inheritableCapped && !inheritable.IsSubsetOf(old.Inheritable.Union(old.Permitted))) ||
            !inheritable.IsSubsetOf(old.Inheritable.Union(old.Bounding)) ||
            !permitted.IsSubsetOf(old.Permitted) ||
            !effective.IsSubsetOf(permitted))
        {
            return Errno.EPERM;
        }

        cred = old with
        {
            Effective = effective,
            Inheritable = inheritable,
            Permitted = permitted,
            Ambient = old.Ambient.Intersect(permitted.Intersect(inheritable)),
        };
        return Errno.None;
    }

    /// <summary>
    /// cap_safe_nice (the capability module's task_setnice and task_setscheduler): changing the
    /// scheduling of a task with capabilities the caller lacks needs CAP_SYS_NICE over its namespace.
    /// </summary>
    public static Errno SafeNice(KernelState kernel, Task current, Task target) =>
        target.Cred.Permitted.IsSubsetOf(current.Cred.Permitted) ||
        Capabilities.NsCapable(kernel, current, target.Cred.UserNs, Capability.SysNice)
            ? Errno.None
            : Errno.EPERM;

    /// <summary>
    /// ptracer_capable: an untraced task, or one whose attachment was made with CAP_SYS_PTRACE over
    /// <paramref name="ns"/>. The stacked modules' capable hooks are asked about the tracer task.
    /// </summary>
    public static bool PtracerCapable(KernelState kernel, Task task, UserNamespace ns) =>
        task.PtracerCred is not { } cred ||
        (Capabilities.CommonCapable(cred, ns, Capability.SysPtrace) &&
         (task.Tracer is not { } tracer || kernel.Security.Capable(tracer, ns, Capability.SysPtrace) == Errno.None));
}
