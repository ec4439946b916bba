using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Creds;

/// <summary>
/// User namespaces as task state: creating one (unshare and clone with CLONE_NEWUSER), and the
/// /proc/&lt;pid&gt;/uid_map, gid_map and setgroups writes that configure it, for the /proc model to call.
/// </summary>
/// <remarks>kernel/user_namespace.c (6.12): create_user_ns, set_cred_user_ns, proc_*_map_write, map_write, new_idmap_permitted, proc_setgroups_write.</remarks>
public static class UserNamespaces
{
    /// <summary>The deepest parent a new namespace may have: create_user_ns refuses parent_ns->level &gt; 32.</summary>
    public const int MaxParentLevel = 32;

    /// <summary>
    /// create_user_ns: makes a namespace owned by <paramref name="cred"/>'s euid and egid, child of
    /// its namespace, and returns the credentials moved into it with every capability
    /// (set_cred_user_ns). ENOSPC past 32 levels; EPERM when the creator's euid or egid has no
    /// mapping in its own namespace; then the userns_create hook.
    /// </summary>
    public static Errno Create(KernelState kernel, Task current, Cred cred, out Cred newCred)
    {
        newCred = cred;
        var parent = cred.UserNs;
        if (parent.Level > MaxParentLevel)
        {
            return Errno.ENOSPC;
        }

        // "The creator needs a mapping in the parent user namespace" (kuid_has_mapping).
        if (parent.FromKuid(cred.Euid) < 0 || parent.FromKgid(cred.Egid) < 0)
        {
            return Errno.EPERM;
        }

        var error = kernel.Security.UsernsCreate(current);
        if (error != Errno.None)
        {
            return error;
        }

        var ns = new UserNamespace(kernel.NextObjectId(), parent, cred.Euid, cred.Egid)
        {
            ParentCouldSetfcap = cred.Effective.Has(Capability.Setfcap),
            SetgroupsAllowed = parent.SetgroupsAllowed,
        };
        newCred = cred with
        {
            Securebits = 0,
            Inheritable = CapSet.Empty,
            Permitted = CapSet.Full,
            Effective = CapSet.Full,
            Ambient = CapSet.Empty,
            Bounding = CapSet.Full,
            UserNs = ns,
        };
        return Errno.None;
    }

    /// <summary>
    /// A write of <paramref name="text"/> to /proc/&lt;pid&gt;/uid_map of a task in <paramref name="ns"/>
    /// at file offset <paramref name="position"/>. <paramref name="opener"/> is the credential the file
    /// was opened with (file->f_cred); it defaults to the writer's. Errno.None means the whole write
    /// was taken. Unprivileged, only the single line mapping one id to the writer's own euid works.
    /// </summary>
    public static Errno WriteUidMap(KernelState kernel, Task writer, UserNamespace ns, string text, long position = 0, Cred? opener = null) =>
        WriteMap(kernel, writer, ns, text, position, opener ?? writer.Cred, Capability.Setuid);

    /// <summary>
    /// As <see cref="WriteUidMap"/>, for gid_map: unprivileged, the single line mapping one id to the
    /// writer's own egid works only once "deny" was written to setgroups.
    /// </summary>
    public static Errno WriteGidMap(KernelState kernel, Task writer, UserNamespace ns, string text, long position = 0, Cred? opener = null) =>
        WriteMap(kernel, writer, ns, text, position, opener ?? writer.Cred, Capability.Setgid);

    /// <summary>
    /// Opening /proc/&lt;pid&gt;/setgroups for writing: EACCES without CAP_SYS_ADMIN over the task's
    /// user namespace (fs/proc/base.c proc_setgroups_open).
    /// </summary>
    public static Errno MayOpenSetgroupsForWrite(KernelState kernel, Task opener, UserNamespace ns) =>
        Capabilities.NsCapable(kernel, opener, ns, Capability.SysAdmin) ? Errno.None : Errno.EACCES;

    /// <summary>
    /// A write to /proc/&lt;pid&gt;/setgroups: "allow" or "deny" (then only blanks). EINVAL for anything
    /// else or a write not at offset 0 or of 8 bytes or more; EPERM to allow again after "deny", or
    /// to deny once gid_map is written.
    /// </summary>
    public static Errno WriteSetgroups(UserNamespace ns, string text, long position = 0)
    {
        if (position != 0 || System.Text.Encoding.UTF8.GetByteCount(text) >= 8)
        {
            return Errno.EINVAL;
        }

        bool allow;
        string rest;
        if (text.StartsWith("allow", StringComparison.Ordinal))
        {
            allow = true;
            rest = text[5..];
        }
        else if (text.StartsWith("deny", StringComparison.Ordinal))
        {
            allow = false;
            rest = text[4..];
        }
        else
        {
            return Errno.EINVAL;
        }

        if (!IdMapText.IsBlank(rest))
        {
            return Errno.EINVAL;
        }

        if (allow)
        {
            return ns.SetgroupsAllowed ? Errno.None : Errno.EPERM;
        }

        if (!ns.GidMap.IsEmpty)
        {
            return Errno.EPERM;
        }

        ns.SetgroupsAllowed = false;
        return Errno.None;
    }

    /// <summary>
    /// userns_may_setgroups: setgroups(2) in <paramref name="ns"/> needs its gid_map written and
    /// setgroups not denied (the initial namespace always may).
    /// </summary>
    public static bool MaySetgroups(UserNamespace ns) =>
        ns.Parent is null || (!ns.GidMap.IsEmpty && ns.SetgroupsAllowed);

    /// <summary>
    /// The text of /proc/&lt;pid&gt;/uid_map (or gid_map) of a task in <paramref name="ns"/>, read by
    /// someone in <paramref name="readerNs"/>: outside ids are shown as the reader's namespace sees
    /// them (its parent's, when reading one's own namespace), each field printed "%10u".
    /// </summary>
    public static string FormatMap(UserNamespace ns, UserNamespace readerNs, bool gid)
    {
        // kernel/user.c init_user_ns: the initial namespace's one extent maps every id to itself;
        // uid_m_show shows its lower ids through the reader's namespace like any other's.
        ImmutableArray<IdMapping> map = ns.Parent is null ? [new IdMapping(0, 0, unchecked((int)uint.MaxValue))]
            : gid ? ns.GidMap : ns.UidMap;
        var lower = readerNs == ns && readerNs.Parent is not null ? readerNs.Parent : readerNs;
        var text = new System.Text.StringBuilder();
        foreach (var m in map)
        {
            var outside = gid ? lower.FromKgid(m.Outside) : lower.FromKuid(m.Outside);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(uint)m.Inside,10} {(uint)outside,10} {(uint)m.Count,10}\n");
        }

        return text.ToString();
    }

    // proc_uid_map_write / proc_gid_map_write, then map_write with new_idmap_permitted.
    private static Errno WriteMap(KernelState kernel, Task writer, UserNamespace ns, string text, long position, Cred opener, Capability capSetid)
    {
        var parent = ns.Parent;
        if (parent is null || (opener.UserNs != ns && opener.UserNs != parent))
        {
            return Errno.EPERM;
        }

        if (position != 0 || System.Text.Encoding.UTF8.GetByteCount(text) >= IdMapText.PageSize)
        {
            return Errno.EINVAL;
        }

        var isUid = capSetid == Capability.Setuid;
        if (!(isUid ? ns.UidMap : ns.GidMap).IsEmpty)
        {
            return Errno.EPERM; // "Only allow one successful write to the map".
        }

        if (!FileNsCapable(kernel, writer, opener, ns, Capability.SysAdmin))
        {
            return Errno.EPERM;
        }

        if (IdMapText.Parse(text) is not { } extents)
        {
            return Errno.EINVAL;
        }

        if (!NewIdmapPermitted(kernel, writer, opener, ns, capSetid, extents))
        {
            return Errno.EPERM;
        }

        // Lower ids are written as the parent namespace sees them; store kernel ids.
        var stored = new List<IdMapping>(extents.Count);
        foreach (var e in extents)
        {
            var lowerFirst = MapRangeDown(parent, isUid, e.Outside, e.Count);
            if (lowerFirst == -1)
            {
                return Errno.EPERM;
            }

            stored.Add(e with { Outside = lowerFirst });
        }

        if (isUid)
        {
            ns.UidMap = [.. stored];
        }
        else
        {
            ns.GidMap = [.. stored];
        }

        return Errno.None;
    }

    // map_id_range_down: the whole range must sit inside one extent of the parent's map.
    private static int MapRangeDown(UserNamespace parent, bool isUid, int first, int count)
    {
        if (parent.Parent is null)
        {
            return first;
        }

        foreach (var m in isUid ? parent.UidMap : parent.GidMap)
        {
            var offset = (uint)first - (uint)m.Inside;
            if ((uint)first >= (uint)m.Inside && offset + (uint)count - 1 < (uint)m.Count)
            {
                return unchecked((int)((uint)m.Outside + offset));
            }
        }

        return -1;
    }

    private static bool NewIdmapPermitted(KernelState kernel, Task writer, Cred opener, UserNamespace ns, Capability capSetid, IReadOnlyList<IdMapping> extents)
    {
        var parent = ns.Parent!;
        if (capSetid == Capability.Setuid && !VerifyRootMap(kernel, writer, opener, ns, extents))
        {
            return false;
        }

        // The one mapping an unprivileged creator may set: its own euid (or egid, with setgroups denied).
        if (extents.Count == 1 && extents[0].Count == 1 && ns.OwnerUid == opener.Euid)
        {
            var id = extents[0].Outside;
            if (capSetid == Capability.Setuid && parent.MakeKuid(id) == opener.Euid)
            {
                return true;
            }

            if (capSetid == Capability.Setgid && !ns.SetgroupsAllowed && parent.MakeKgid(id) == opener.Egid)
            {
                return true;
            }
        }

        return Capabilities.NsCapable(kernel, writer, parent, capSetid) &&
               FileNsCapable(kernel, writer, opener, parent, capSetid);
    }

    // verify_root_map: mapping the parent's id 0 needs CAP_SETFCAP (at unshare time, or now over the parent).
    private static bool VerifyRootMap(KernelState kernel, Task writer, Cred opener, UserNamespace ns, IReadOnlyList<IdMapping> extents)
    {
        if (!extents.Any(e => e.Outside == 0))
        {
            return true;
        }

        return opener.UserNs == ns
            ? ns.ParentCouldSetfcap
            : FileNsCapable(kernel, writer, opener, ns.Parent!, Capability.Setfcap);
    }

    // file_ns_capable: the opener's credential, checked by commoncap and the stacked modules (which see the writer).
    private static bool FileNsCapable(KernelState kernel, Task writer, Cred opener, UserNamespace ns, Capability cap) =>
        Capabilities.CommonCapable(opener, ns, cap) && kernel.Security.Capable(writer, ns, cap) == Errno.None;
}
