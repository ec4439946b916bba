using Isolation.Model.Rules;

namespace Isolation.Model.Designs.PrctlNetworkLsm;

/// <summary>
/// <c>prctl-network-lsm-fixed</c>: v3 with the hole its own cover letter names closed — the socket
/// hooks refuse abstract unix names to a network-off task, as v1 and v2 did inline.
/// </summary>
/// <remarks>
/// Seed 004_395e695cd1b36f96.txt, "[PATCH 0/3] Discarding networking privilege via LSM": "abstract
/// unix sockets are exempted from control in this patch but are restricted by the previous one. We
/// can revisit this detail in subsequent patches if this approach seems viable."
/// </remarks>
public static class PrctlNetworkLsmFixedDesign
{
    /// <summary>The variant's name everywhere.</summary>
    public const string Name = "prctl-network-lsm-fixed";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "prctl-network-lsm with abstract unix names refused too (the detail the v3 cover letter left to revisit)",
        RlimitNetwork.RlimitNetworkDesign.Source,
        () => new PrctlNetworkLsmModule(refuseAbstract: true))
    {
        Entry =
        [
            EntryMove.Single("network-off", "prctl(PR_SET_NETWORK, PR_NETWORK_OFF)"),
        ],
        Rules =
        [
            new("socket_create", LsmNetRules.Fixed.SocketCreate),
            new("socket_bind", LsmNetRules.Fixed.SocketBind),
            new("socket_connect", LsmNetRules.Fixed.SocketConnect),
            new("socket_sendmsg", LsmNetRules.Fixed.SocketSendmsg),
            new("ptrace_access_check", PrctlNetwork.NetworkFlagRules.Ptrace),
            new("task_prctl", PrctlNetwork.NetworkFlagRules.SetNetwork),
        ],
    };
}
