using Isolation.Model.Rules;

namespace Isolation.Model.Designs.PrctlNetwork;

/// <summary>
/// <c>prctl-network</c>: prctl(PR_SET_NETWORK, PR_NETWORK_OFF), a one-way per-task flag checked
/// inline in the socket code, with the ptrace rule "you may ptrace() any process that has all the
/// network restrictions you do".
/// </summary>
/// <remarks>
/// Michael Stone, "[PATCH 1/3] … (v2)", "[PATCH 2/3] Security: Implement prctl(PR_SET_NETWORK,
/// PR_NETWORK_OFF) semantics. (v2)", "[PATCH 3/3] … (v2)", 2009-12-18, seed
/// 004_395e695cd1b36f96.txt; porting notes in README.md.
/// </remarks>
public static class PrctlNetworkDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "prctl-network";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "prctl(PR_SET_NETWORK, PR_NETWORK_OFF) checked inline in the socket code; ptrace only of tasks with all your restrictions",
        RlimitNetwork.RlimitNetworkDesign.Source,
        () => new PrctlNetworkModule())
    {
        Entry =
        [
            EntryMove.Single("network-off", "prctl(PR_SET_NETWORK, PR_NETWORK_OFF)"),
        ],
        Rules =
        [
            .. RlimitNetwork.NetworkOffInline.Rules,
            new("ptrace_may_access_inline", NetworkFlagRules.Ptrace),
            new("task_prctl", NetworkFlagRules.SetNetwork),
        ],
    };
}
