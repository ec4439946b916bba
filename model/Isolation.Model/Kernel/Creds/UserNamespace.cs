using System.Collections.Immutable;

namespace Isolation.Model.Kernel.Creds;

/// <summary>
/// One line of a uid_map or gid_map: <c>inside outside count</c>. <see cref="Outside"/> holds the
/// kernel (initial-namespace) id, as Linux stores it once map_write has mapped it down.
/// </summary>
public readonly record struct IdMapping(int Inside, int Outside, int Count);

/// <summary>A user namespace: its parent, depth, owner, and id maps.</summary>
/// <remarks>include/linux/user_namespace.h (6.12).</remarks>
public sealed class UserNamespace
{
    /// <summary>The overflow id a task sees for an unmapped id (/proc/sys/kernel/overflowuid).</summary>
    public const int OverflowId = 65534;

    /// <summary>Creates a namespace; <paramref name="parent"/> is null only for the initial one.</summary>
    public UserNamespace(int id, UserNamespace? parent, int ownerUid, int ownerGid)
    {
        Id = id;
        Parent = parent;
        Level = parent is null ? 0 : parent.Level + 1;
        OwnerUid = ownerUid;
        OwnerGid = ownerGid;
    }

    /// <summary>A number, unique within one kernel, in creation order.</summary>
    public int Id { get; }

    /// <summary>The namespace this one was created in; null for the initial namespace.</summary>
    public UserNamespace? Parent { get; }

    /// <summary>Depth: 0 for the initial namespace.</summary>
    public int Level { get; }

    /// <summary>The euid (in the initial namespace) of the creator.</summary>
    public int OwnerUid { get; }

    /// <summary>The egid (in the initial namespace) of the creator.</summary>
    public int OwnerGid { get; }

    /// <summary>The uid_map once written (empty until then: every id unmapped).</summary>
    public ImmutableArray<IdMapping> UidMap { get; set; } = [];

    /// <summary>The gid_map once written.</summary>
    public ImmutableArray<IdMapping> GidMap { get; set; } = [];

    /// <summary>USERNS_SETGROUPS_ALLOWED: cleared for good by writing "deny" to /proc/pid/setgroups; inherited by child namespaces.</summary>
    public bool SetgroupsAllowed { get; set; } = true;

    /// <summary>Whether the creator had CAP_SETFCAP effective (parent_could_setfcap): needed to map parent uid 0 into it unprivileged.</summary>
    public bool ParentCouldSetfcap { get; init; }

    /// <summary>make_kuid: the kernel uid for <paramref name="uid"/> as seen in this namespace, or -1 if unmapped.</summary>
    public int MakeKuid(long uid) => MapDown(UidMap, uid);

    /// <summary>make_kgid: the kernel gid for <paramref name="gid"/> as seen in this namespace, or -1 if unmapped.</summary>
    public int MakeKgid(long gid) => MapDown(GidMap, gid);

    /// <summary>from_kuid: the uid this namespace sees for kernel uid <paramref name="kuid"/>, or -1 if unmapped.</summary>
    public long FromKuid(int kuid) => MapUp(UidMap, kuid);

    /// <summary>from_kgid: the gid this namespace sees for kernel gid <paramref name="kgid"/>, or -1 if unmapped.</summary>
    public long FromKgid(int kgid) => MapUp(GidMap, kgid);

    /// <summary>from_kuid_munged: as <see cref="FromKuid"/>, with the overflow uid 65534 for an unmapped id.</summary>
    public long FromKuidMunged(int kuid) => FromKuid(kuid) is var u && u < 0 ? OverflowId : u;

    /// <summary>from_kgid_munged: as <see cref="FromKgid"/>, with the overflow gid 65534 for an unmapped id.</summary>
    public long FromKgidMunged(int kgid) => FromKgid(kgid) is var g && g < 0 ? OverflowId : g;

    /// <summary>Whether this namespace is <paramref name="other"/> or a descendant of it.</summary>
    public bool IsSameOrDescendantOf(UserNamespace other)
    {
        for (var ns = this; ns is not null; ns = ns.Parent)
        {
            if (ns == other)
            {
                return true;
            }
        }

        return false;
    }

    // The initial namespace maps every valid id to itself; (u32)-1 is never valid.
    private int MapDown(ImmutableArray<IdMapping> map, long id)
    {
        var u = (uint)id;
        if (u == uint.MaxValue)
        {
            return -1;
        }

        if (Parent is null)
        {
            return unchecked((int)u);
        }

        foreach (var m in map)
        {
            if (u >= (uint)m.Inside && u - (uint)m.Inside < (uint)m.Count)
            {
                return unchecked((int)((uint)m.Outside + (u - (uint)m.Inside)));
            }
        }

        return -1;
    }

    private long MapUp(ImmutableArray<IdMapping> map, int kid)
    {
        var k = unchecked((uint)kid);
        if (k == uint.MaxValue)
        {
            return -1;
        }

        if (Parent is null)
        {
            return k;
        }

        foreach (var m in map)
        {
            if (k >= (uint)m.Outside && k - (uint)m.Outside < (uint)m.Count)
            {
                return (uint)m.Inside + (k - (uint)m.Outside);
            }
        }

        return -1;
    }
}
