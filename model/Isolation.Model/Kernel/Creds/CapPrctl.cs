using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Creds;

/// <summary>
/// cap_task_prctl: the prctl options the capability module answers (bounding set, securebits,
/// keep-caps, ambient set). As the first LSM it runs before the stacked modules and prctl itself.
/// </summary>
/// <remarks>security/commoncap.c cap_task_prctl and cap_prctl_drop (6.12).</remarks>
public static class CapPrctl
{
    /// <summary>Linux's "not mine" answer of a task_prctl hook.</summary>
    public const long NotHandled = -(long)Errno.ENOSYS;

    /// <summary>The option's value (≥ 0), a negative errno, or <see cref="NotHandled"/>.</summary>
    public static long Handle(KernelState kernel, Task task, int option, long arg2, long arg3, long arg4, long arg5)
    {
        var old = task.Cred;
        switch (option)
        {
            case Prctl.CapbsetRead:
                return CapabilityNames.IsValid(arg2) ? (old.Bounding.Has((Capability)arg2) ? 1 : 0) : Fail(Errno.EINVAL);

            case Prctl.CapbsetDrop:
                if (!Capabilities.NsCapable(kernel, task, old.UserNs, Capability.Setpcap))
                {
                    return Fail(Errno.EPERM);
                }

                return CapabilityNames.IsValid(arg2) ? Commit(task, old with { Bounding = old.Bounding.Without((Capability)arg2) }) : Fail(Errno.EINVAL);

            case Prctl.SetSecurebits:
                return SetSecurebits(task, arg2);

            case Prctl.GetSecurebits:
                return old.Securebits;

            case Prctl.GetKeepcaps:
                return old.IsSecure(Securebits.KeepCaps) ? 1 : 0;

            case Prctl.SetKeepcaps:
                if ((ulong)arg2 > 1)
                {
                    return Fail(Errno.EINVAL);
                }

                if (old.IsSecure(Securebits.KeepCapsLocked))
                {
                    return Fail(Errno.EPERM);
                }

                return Commit(task, old with { Securebits = arg2 != 0 ? old.Securebits | Securebits.KeepCaps : old.Securebits & ~Securebits.KeepCaps });

            case Prctl.CapAmbient:
                return Ambient(task, arg2, arg3, arg4, arg5);

            default:
                return NotHandled;
        }
    }

    private static long SetSecurebits(Task task, long bits)
    {
        var old = task.Cred;

        // No changing a locked bit, no unlocking, no unknown bit, and CAP_SETPCAP (cap_capable alone) for anything.
        if ((((old.Securebits & Securebits.AllLocks) >> 1) & (old.Securebits ^ bits)) != 0 ||
            (old.Securebits & Securebits.AllLocks & ~bits) != 0 ||
            (bits & ~(long)(Securebits.AllLocks | Securebits.AllBits)) != 0 ||
            !Capabilities.CommonCapable(old, old.UserNs, Capability.Setpcap))
        {
            return Fail(Errno.EPERM);
        }

        return Commit(task, old with { Securebits = (int)bits });
    }

    private static long Ambient(Task task, long op, long cap, long arg4, long arg5)
    {
        var old = task.Cred;
        if (op == Prctl.AmbientClearAll)
        {
            return (cap | arg4 | arg5) != 0 ? Fail(Errno.EINVAL) : Commit(task, old with { Ambient = CapSet.Empty });
        }

        if (!CapabilityNames.IsValid(cap) || (arg4 | arg5) != 0)
        {
            return Fail(Errno.EINVAL);
        }

        var c = (Capability)cap;
        switch (op)
        {
            case Prctl.AmbientIsSet:
                return old.Ambient.Has(c) ? 1 : 0;
            case Prctl.AmbientRaise:
                if (!old.Permitted.Has(c) || !old.Inheritable.Has(c) || old.IsSecure(Securebits.NoCapAmbientRaise))
                {
                    return Fail(Errno.EPERM);
                }

                return Commit(task, old with { Ambient = old.Ambient.With(c) });
            case Prctl.AmbientLower:
                return Commit(task, old with { Ambient = old.Ambient.Without(c) });
            default:
                return Fail(Errno.EINVAL);
        }
    }

    private static long Commit(Task task, Cred cred)
    {
        CredCommit.Commit(task, cred);
        return 0;
    }

    private static long Fail(Errno errno) => -(long)errno;
}
