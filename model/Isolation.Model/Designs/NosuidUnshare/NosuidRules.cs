using Isolation.Model.Abi;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.NosuidUnshare;

/// <summary>
/// The decisions of nosuid-unshare: the refusal of a privilege-raising exec, the unprivileged
/// unshare(CLONE_NEWNET), and prctl(PR_SET_NOSUID)'s argument check with the flag it leaves.
/// </summary>
/// <remarks>Seed 004, Biederman, 2009-12-18 and 2009-12-24; kernel/sys.c PR_SET_NO_NEW_PRIVS (6.12) for the argument checks.</remarks>
public static class NosuidRules
{
    /// <summary>The caller's flag.</summary>
    public static RuleInput NoSuid { get; } = new(Expr.BoolVar("nosuid"), InputOwner.Caller);

    /// <summary>The effective uid before the exec.</summary>
    public static RuleInput OldEuid { get; } = new(Expr.BvVar("old_euid", 32), InputOwner.Caller);

    /// <summary>The effective uid the exec would give.</summary>
    public static RuleInput NewEuid { get; } = new(Expr.BvVar("new_euid", 32), InputOwner.Argument);

    /// <summary>The effective gid before the exec.</summary>
    public static RuleInput OldEgid { get; } = new(Expr.BvVar("old_egid", 32), InputOwner.Caller);

    /// <summary>The effective gid the exec would give.</summary>
    public static RuleInput NewEgid { get; } = new(Expr.BvVar("new_egid", 32), InputOwner.Argument);

    /// <summary>The permitted capabilities before the exec.</summary>
    public static RuleInput OldPermitted { get; } = new(Expr.BvVar("old_permitted", 64), InputOwner.Caller);

    /// <summary>The permitted capabilities the exec would give.</summary>
    public static RuleInput NewPermitted { get; } = new(Expr.BvVar("new_permitted", 64), InputOwner.Argument);

    /// <summary>unshare's flags.</summary>
    public static RuleInput UnshareFlags { get; } = new(Expr.BvVar("unshare_flags", 64), InputOwner.Argument);

    /// <summary>prctl's arg2.</summary>
    public static RuleInput Arg2 { get; } = new(Expr.BvVar("arg2", 64), InputOwner.Argument);

    /// <summary>prctl's arg3 | arg4 | arg5.</summary>
    public static RuleInput OtherArgs { get; } = new(Expr.BvVar("other_args", 64), InputOwner.Argument);

    /// <summary>Whether the exec would raise the task's privilege: another effective id, or permitted capabilities it lacked.</summary>
    public static Expr Gains =>
        Expr.Ne(NewEuid.Var, OldEuid.Var) | Expr.Ne(NewEgid.Var, OldEgid.Var)
        | Expr.Ne(Expr.BvAnd(NewPermitted.Var, Expr.BvNot(OldPermitted.Var)), Expr.Bv(0, 64));

    /// <summary>bprm_creds_from_file: EPERM when a task with the flag would gain privilege by this exec.</summary>
    public static Rule Exec { get; } = new(
        "nosuid-unshare/bprm_creds_from_file",
        Decision.DenyIf(NoSuid.Var & Gains, Errno.EPERM),
        NoSuid, OldEuid, NewEuid, OldEgid, NewEgid, OldPermitted, NewPermitted);

    /// <summary>unshare_permit: yes for a task with the flag whose unshare makes no namespace but the network one.</summary>
    public static Rule UnsharePermit { get; } = new(
        "nosuid-unshare/unshare_permit",
        NoSuid.Var & Expr.Eq(Expr.BvAnd(UnshareFlags.Var, Expr.Bv((ulong)(CloneFlags.NamespacesButUser | CloneFlags.NewUser), 64)), Expr.Bv((ulong)CloneFlags.NewNet, 64)),
        NoSuid, UnshareFlags);

    /// <summary>PR_SET_NOSUID: only the value 1 with zero other arguments (EINVAL otherwise).</summary>
    public static Rule SetNosuid { get; } = new(
        "nosuid-unshare/pr_set_nosuid",
        Decision.AllowIf(Expr.Eq(Arg2.Var, Expr.Bv(1, 64)) & Expr.Eq(OtherArgs.Var, Expr.Bv(0, 64)), Errno.EINVAL),
        Arg2, OtherArgs);

    /// <summary>The flag after PR_SET_NOSUID: set when the call succeeds, else as it was.</summary>
    public static Rule NoSuidAfterSet { get; } = new(
        "nosuid-unshare/pr_set_nosuid_result",
        NoSuid.Var | Expr.Eq(SetNosuid.Body, Decision.Allow),
        NoSuid, Arg2, OtherArgs);
}
