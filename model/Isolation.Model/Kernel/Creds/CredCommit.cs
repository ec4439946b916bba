using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Kernel.Creds;

/// <summary>commit_creds: installing a task's new credentials, with the dumpability rule that guards ptrace.</summary>
/// <remarks>kernel/cred.c commit_creds and cred_cap_issubset (6.12).</remarks>
public static class CredCommit
{
    /// <summary>fs.suid_dumpable's default (0, SUID_DUMP_DISABLE): what a task that changes privilege becomes.</summary>
    public const int SuidDumpable = Prctl.SuidDumpDisable;

    /// <summary>
    /// Installs <paramref name="newCred"/> as <paramref name="task"/>'s credentials. A change of
    /// euid, egid, fsuid or fsgid, or a permitted set that is not a subset of the old one, makes
    /// the task non-dumpable (fs.suid_dumpable) and clears its parent-death signal.
    /// </summary>
    public static void Commit(Task task, Cred newCred)
    {
        var old = task.Cred;
        if (old.Euid != newCred.Euid || old.Egid != newCred.Egid ||
            old.Fsuid != newCred.Fsuid || old.Fsgid != newCred.Fsgid ||
            !CapIsSubset(old, newCred))
        {
            task.Dumpable = SuidDumpable;
            task.PdeathSignal = 0;
        }

        task.Cred = newCred;
    }

    /// <summary>
    /// cred_cap_issubset: whether <paramref name="subset"/> holds no capability <paramref name="set"/>
    /// lacks. Across user namespaces, only a namespace owned by <paramref name="set"/>'s euid and
    /// created in <paramref name="set"/>'s namespace (or below such a one) counts as a subset.
    /// </summary>
    public static bool CapIsSubset(Cred set, Cred subset)
    {
        if (set.UserNs == subset.UserNs)
        {
            return subset.Permitted.IsSubsetOf(set.Permitted);
        }

        for (var ns = subset.UserNs; ns.Parent is not null; ns = ns.Parent)
        {
            if (ns.Parent == set.UserNs && ns.OwnerUid == set.Euid)
            {
                return true;
            }
        }

        return false;
    }
}
