using Isolation.Model.Abi;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.PrctlNetwork;

/// <summary>
/// The decisions about <c>current-&gt;network</c> that v2 and v3 share: prctl(PR_SET_NETWORK)'s
/// check and the flags it leaves, and the ptrace rule "you may ptrace() any process that has all
/// the network restrictions you do". <see cref="NetworkPrctl"/> evaluates them.
/// </summary>
/// <remarks>Seed 004, kernel/sys.c prctl_set_network and kernel/ptrace.c of "[PATCH 2/3] … (v2)".</remarks>
public static class NetworkFlagRules
{
    /// <summary>The caller's <c>current-&gt;network</c> before the call.</summary>
    public static RuleInput Flags { get; } = new(Expr.BvVar("flags", 64), InputOwner.Caller);

    /// <summary>prctl's arg2, the flags asked for.</summary>
    public static RuleInput Requested { get; } = new(Expr.BvVar("requested", 64), InputOwner.Argument);

    /// <summary>The tracer's <c>current-&gt;network</c>.</summary>
    public static RuleInput TracerFlags { get; } = new(Expr.BvVar("tracer_flags", 64), InputOwner.Caller);

    /// <summary>The target's <c>task-&gt;network</c>.</summary>
    public static RuleInput TargetFlags { get; } = new(Expr.BvVar("target_flags", 64), InputOwner.Target);

    /// <summary>
    /// prctl_set_network: clearing a bit is EPERM ("only dropping access is permitted"), checked
    /// before an undefined bit (EINVAL).
    /// </summary>
    public static Rule SetNetwork { get; } = new(
        "network-flags/prctl_set_network",
        Expr.Ite(
            Expr.Ne(Expr.BvAnd(Flags.Var, Expr.BvNot(Requested.Var)), Zero),
            Decision.Deny(Errno.EPERM),
            Decision.DenyIf(Expr.Ne(Expr.BvAnd(Requested.Var, Expr.BvNot(AllFlags)), Zero), Errno.EINVAL)),
        Flags,
        Requested);

    /// <summary>The flags after prctl_set_network: the requested ones when it succeeds, else unchanged.</summary>
    public static Rule FlagsAfterSet { get; } = new(
        "network-flags/prctl_set_network_result",
        Expr.Ite(Expr.Eq(SetNetwork.Body, Decision.Allow), Requested.Var, Flags.Var),
        Flags,
        Requested);

    /// <summary><c>if (current-&gt;network &amp; ~task-&gt;network) return -EPERM;</c></summary>
    public static Rule Ptrace { get; } = new(
        "network-flags/ptrace",
        Decision.DenyIf(Expr.Ne(Expr.BvAnd(TracerFlags.Var, Expr.BvNot(TargetFlags.Var)), Zero), Errno.EPERM),
        TracerFlags,
        TargetFlags);

    private static Expr Zero => Expr.Bv(0, 64);

    private static Expr AllFlags => Expr.Bv((ulong)SeedConstants.NetworkAllFlags, 64);
}
