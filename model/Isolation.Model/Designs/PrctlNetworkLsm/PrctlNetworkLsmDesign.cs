using Isolation.Model.Rules;

namespace Isolation.Model.Designs.PrctlNetworkLsm;

/// <summary>
/// <c>prctl-network-lsm</c>: the PR_SET_NETWORK flag enforced by a small LSM ("prctl_net") whose
/// socket_create, socket_bind, socket_connect and socket_sendmsg hooks exempt every AF_UNIX
/// socket and address — abstract names included — and whose ptrace_access_check keeps v2's rule.
/// </summary>
/// <remarks>
/// Michael Stone, "[PATCH 0/3] Discarding networking privilege via LSM" and its three "(v3)"
/// patches, 2009-12-24, seed 004_395e695cd1b36f96.txt; porting notes in README.md.
/// </remarks>
public static class PrctlNetworkLsmDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "prctl-network-lsm";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "PR_SET_NETWORK enforced by a small LSM: socket hooks exempting all AF_UNIX (abstract too), v2's ptrace rule",
        RlimitNetwork.RlimitNetworkDesign.Source,
        () => new PrctlNetworkLsmModule())
    {
        Entry =
        [
            EntryMove.Single("network-off", "prctl(PR_SET_NETWORK, PR_NETWORK_OFF)"),
        ],
        Rules =
        [
            new("socket_create", LsmNetRules.Posted.SocketCreate),
            new("socket_bind", LsmNetRules.Posted.SocketBind),
            new("socket_connect", LsmNetRules.Posted.SocketConnect),
            new("socket_sendmsg", LsmNetRules.Posted.SocketSendmsg),
            new("ptrace_access_check", PrctlNetwork.NetworkFlagRules.Ptrace),
            new("task_prctl", PrctlNetwork.NetworkFlagRules.SetNetwork),
        ],
    };
}
