using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Creds;

/// <summary>
/// The set*id calls, for uids and gids alike: ids are read in the caller's user namespace
/// (EINVAL if unmapped, -1 leaves one unchanged), changes to ids the caller does not already hold
/// need CAP_SETUID or CAP_SETGID over its namespace (EPERM), and uid changes adjust capabilities
/// as commoncap does. Every change is committed with commit_creds' dumpability rule.
/// </summary>
/// <remarks>kernel/sys.c __sys_setuid, __sys_setreuid, __sys_setresuid and their gid twins; kernel/groups.c setgroups (6.12).</remarks>
public sealed class SetId
{
    /// <summary>The uid calls (CAP_SETUID, capabilities fixed up as cap_task_fix_setuid does).</summary>
    public static readonly SetId Uid = new(
        Capability.Setuid, (ns, id) => ns.MakeKuid(id),
        c => new(c.Uid, c.Euid, c.Suid, c.Fsuid),
        (c, v) => c with { Uid = v.Real, Euid = v.Effective, Suid = v.Saved, Fsuid = v.Fs },
        CommonCap.FixSetuid);

    /// <summary>The gid calls (CAP_SETGID; the capability module has no gid fix-up).</summary>
    public static readonly SetId Gid = new(
        Capability.Setgid, (ns, id) => ns.MakeKgid(id),
        c => new(c.Gid, c.Egid, c.Sgid, c.Fsgid),
        (c, v) => c with { Gid = v.Real, Egid = v.Effective, Sgid = v.Saved, Fsgid = v.Fs },
        (cred, _) => cred);

    /// <summary>NGROUPS_MAX.</summary>
    public const int NgroupsMax = 65536;

    private const long Unchanged = -1;

    private readonly Capability _cap;
    private readonly Func<UserNamespace, long, int> _make;
    private readonly Func<Cred, Ids> _get;
    private readonly Func<Cred, Ids, Cred> _set;
    private readonly Func<Cred, Cred, Cred> _fixup;

    private SetId(Capability cap, Func<UserNamespace, long, int> make, Func<Cred, Ids> get, Func<Cred, Ids, Cred> set, Func<Cred, Cred, Cred> fixup)
    {
        _cap = cap;
        _make = make;
        _get = get;
        _set = set;
        _fixup = fixup;
    }

    /// <summary>setuid/setgid: with the capability all four ids change; without, only effective and fs, to the real or saved id.</summary>
    public Errno Set(KernelState kernel, Task task, long id)
    {
        var old = task.Cred;
        var k = _make(old.UserNs, id);
        if (k == -1)
        {
            return Errno.EINVAL;
        }

        var ids = _get(old);
        if (Capable(kernel, task))
        {
            return Commit(task, new Ids(k, k, k, k));
        }

        return k == ids.Real || k == ids.Saved ? Commit(task, ids with { Effective = k, Fs = k }) : Errno.EPERM;
    }

    /// <summary>
    /// setreuid/setregid: the real id may become the old real or effective id, the effective id the
    /// old real, effective or saved id; the saved id follows the effective one when the real id is
    /// given or the effective id differs from the old real one.
    /// </summary>
    public Errno SetReal(KernelState kernel, Task task, long real, long effective)
    {
        var old = task.Cred;
        var kr = _make(old.UserNs, real);
        var ke = _make(old.UserNs, effective);
        if ((real != Unchanged && kr == -1) || (effective != Unchanged && ke == -1))
        {
            return Errno.EINVAL;
        }

        var was = _get(old);
        var ids = was;
        if (real != Unchanged)
        {
            ids = ids with { Real = kr };
            if (kr != was.Real && kr != was.Effective && !Capable(kernel, task))
            {
                return Errno.EPERM;
            }
        }

        if (effective != Unchanged)
        {
            ids = ids with { Effective = ke };
            if (ke != was.Real && ke != was.Effective && ke != was.Saved && !Capable(kernel, task))
            {
                return Errno.EPERM;
            }
        }

        if (real != Unchanged || (effective != Unchanged && ke != was.Real))
        {
            ids = ids with { Saved = ids.Effective };
        }

        return Commit(task, ids with { Fs = ids.Effective });
    }

    /// <summary>
    /// setresuid/setresgid: a call that changes nothing succeeds at once; any id that is none of
    /// the old real, effective and saved ids needs the capability.
    /// </summary>
    public Errno SetAll(KernelState kernel, Task task, long real, long effective, long saved)
    {
        var old = task.Cred;
        var kr = _make(old.UserNs, real);
        var ke = _make(old.UserNs, effective);
        var ks = _make(old.UserNs, saved);
        if ((real != Unchanged && kr == -1) || (effective != Unchanged && ke == -1) || (saved != Unchanged && ks == -1))
        {
            return Errno.EINVAL;
        }

        var was = _get(old);
        if ((real == Unchanged || kr == was.Real) &&
            (effective == Unchanged || (ke == was.Effective && ke == was.Fs)) &&
            (saved == Unchanged || ks == was.Saved))
        {
            return Errno.None;
        }

        bool IsNew(long id, int k) => id != Unchanged && k != was.Real && k != was.Effective && k != was.Saved;
        if ((IsNew(real, kr) || IsNew(effective, ke) || IsNew(saved, ks)) && !Capable(kernel, task))
        {
            return Errno.EPERM;
        }

        var ids = was;
        if (real != Unchanged)
        {
            ids = ids with { Real = kr };
        }

        if (effective != Unchanged)
        {
            ids = ids with { Effective = ke };
        }

        if (saved != Unchanged)
        {
            ids = ids with { Saved = ks };
        }

        return Commit(task, ids with { Fs = ids.Effective });
    }

    /// <summary>
    /// setgroups: EPERM without CAP_SETGID over the caller's namespace or when the namespace may not
    /// set groups yet (<see cref="UserNamespaces.MaySetgroups"/>); EINVAL for more than NGROUPS_MAX
    /// or an unmapped gid. The list is kept sorted, as groups_sort leaves it.
    /// </summary>
    public static Errno SetGroups(KernelState kernel, Task task, long size, IReadOnlyList<long> gids)
    {
        var old = task.Cred;
        if (!Capabilities.NsCapable(kernel, task, old.UserNs, Capability.Setgid) || !UserNamespaces.MaySetgroups(old.UserNs))
        {
            return Errno.EPERM;
        }

        if ((ulong)size > NgroupsMax)
        {
            return Errno.EINVAL;
        }

        var kgids = gids.Select(old.UserNs.MakeKgid).ToList();
        if (kgids.Contains(-1))
        {
            return Errno.EINVAL;
        }

        CredCommit.Commit(task, old with { Groups = [.. kgids.Order()] });
        return Errno.None;
    }

    private bool Capable(KernelState kernel, Task task) => Capabilities.NsCapable(kernel, task, task.Cred.UserNs, _cap);

    private Errno Commit(Task task, Ids ids)
    {
        var old = task.Cred;
        CredCommit.Commit(task, _fixup(_set(old, ids), old));
        return Errno.None;
    }

    private readonly record struct Ids(int Real, int Effective, int Saved, int Fs);
}
