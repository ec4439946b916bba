namespace Isolation.Solver.Obligations;

/// <summary>
/// The hooks of the moves the explorer's partial-order reduction treats as changing only the caller
/// (socket creation, and the entry moves not marked Shared: prctl, /proc/self/attr writes, exec):
/// their rules must read only the caller's state and the call's arguments.
/// </summary>
/// <remarks>README "The checker": "moves that change only the caller (socket creation, the entry moves not marked Shared) are tried in one order only".</remarks>
public static class CallerOnlyHooks
{
    /// <summary>The hooks.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "socket_create", "socket_create_inline", "socket_post_create", "task_prctl", "setprocattr",
        "bprm_creds_for_exec", "bprm_creds_from_file", "bprm_committing_creds", "unshare_permit",
    };
}
