using System.Collections.Immutable;

namespace Isolation.Model.Kernel.Creds;

/// <summary>One line of a uid_map or gid_map: <c>inside outside count</c>.</summary>
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
}
