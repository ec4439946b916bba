using System.Collections.Immutable;

namespace Isolation.Model.Kernel.Creds;

/// <summary>
/// A task's credentials (struct cred): ids are kernel ids, as seen from the initial user namespace.
/// Immutable, as in Linux: a change makes a new <see cref="Cred"/> with <c>with</c> (prepare/commit_creds).
/// </summary>
/// <remarks>include/linux/cred.h (6.12).</remarks>
public sealed record Cred(
    int Uid, int Euid, int Suid, int Fsuid,
    int Gid, int Egid, int Sgid, int Fsgid,
    CapSet Inheritable, CapSet Permitted, CapSet Effective, CapSet Bounding, CapSet Ambient,
    UserNamespace UserNs,
    ImmutableArray<int> Groups)
{
    /// <summary>The securebits (SECBIT_* from <see cref="Abi.Securebits"/>); 0 by default.</summary>
    public int Securebits { get; init; }

    /// <summary>Whether a securebit is set (issecure).</summary>
    public bool IsSecure(int bit) => (Securebits & bit) != 0;

    /// <summary>Root in the initial user namespace with every capability.</summary>
    public static Cred Root(UserNamespace initNs) =>
        new(0, 0, 0, 0, 0, 0, 0, 0, CapSet.Empty, CapSet.Full, CapSet.Full, CapSet.Full, CapSet.Empty, initNs, []);

    /// <summary>An unprivileged user: uid and gid <paramref name="id"/>, no supplementary groups, no capabilities.</summary>
    public static Cred User(UserNamespace initNs, int id) =>
        new(id, id, id, id, id, id, id, id, CapSet.Empty, CapSet.Empty, CapSet.Empty, CapSet.Full, CapSet.Empty, initNs, []);
}
