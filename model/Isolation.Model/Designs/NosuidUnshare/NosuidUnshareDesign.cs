namespace Isolation.Model.Designs.NosuidUnshare;

/// <summary>
/// <c>nosuid-unshare</c>: Biederman's proposal in the RLIMIT_NETWORK thread — a one-way per-task
/// "no suid exec" flag, and, once it is set, unshare(CLONE_NEWNET) without CAP_SYS_ADMIN.
/// </summary>
/// <remarks>
/// Eric W. Biederman, "Re: [PATCH 1/3] Security: Add prctl(PR_{GET,SET}_NETWORK)", 2009-12-18 and
/// 2009-12-24, with Mark Seaborn's 2009-12-17 suggestion, seed 004_395e695cd1b36f96.txt. No code was
/// posted: the interface is this model's; see README.md.
/// </remarks>
public static class NosuidUnshareDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "nosuid-unshare";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "one-way \"no suid exec\" flag (PR_SET_NOSUID); with it, unshare(CLONE_NEWNET) needs no CAP_SYS_ADMIN",
        RlimitNetwork.RlimitNetworkDesign.Source,
        () => new NosuidUnshareModule())
    {
        Entry =
        [
            EntryMove.Single("nosuid", "prctl(PR_SET_NOSUID, 1)"),
            EntryMove.Single("new-netns", "unshare(CLONE_NEWNET)"),
        ],
        Rules =
        [
            new("bprm_creds_from_file", NosuidRules.Exec),
            new("unshare_permit", NosuidRules.UnsharePermit),
            new("task_prctl", NosuidRules.SetNosuid),
        ],
    };
}
