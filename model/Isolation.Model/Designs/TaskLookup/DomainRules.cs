using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.TaskLookup;

/// <summary>
/// The decisions of the task-lookup policy: selinux_task_lookup under the jail2_t policy, and the
/// setexec check of /proc/self/attr/exec. Domains are numbered as the hooks compare them: 0 for
/// unconfined, then 1, 2, … by first appearance.
/// </summary>
/// <remarks>Seed 001_5a97e7f75b7324ae.txt: selinux_task_lookup (process:tasklookup), the jail2_t policy.</remarks>
public static class DomainRules
{
    /// <summary>The caller's domain, numbered.</summary>
    public static RuleInput CallerDomain { get; } = new(Expr.BvVar("caller_domain", 8), InputOwner.Caller);

    /// <summary>The looked-up task's domain, numbered.</summary>
    public static RuleInput OtherDomain { get; } = new(Expr.BvVar("other_domain", 8), InputOwner.Target);

    /// <summary>Whether the attr file written is <c>exec</c>.</summary>
    public static RuleInput IsExecFile { get; } = new(Expr.BoolVar("is_exec_file"), InputOwner.Argument);

    /// <summary>Whether the value written is empty or a domain name (letters, digits, <c>_ . -</c>).</summary>
    public static RuleInput ValidName { get; } = new(Expr.BoolVar("valid_name"), InputOwner.Argument);

    /// <summary>task_has_perm(current, p, PROCESS__TASKLOOKUP): a confined task looks up only its own domain's tasks (EACCES).</summary>
    public static Rule TaskLookup { get; } = new(
        "task-lookup/selinux_task_lookup",
        Decision.AllowIf(Expr.Eq(CallerDomain.Var, Expr.Bv(0, 8)) | Expr.Eq(CallerDomain.Var, OtherDomain.Var), Errno.EACCES),
        CallerDomain,
        OtherDomain);

    /// <summary>
    /// selinux_setprocattr for this policy: only <c>exec</c> (else EINVAL); a confined task lacks
    /// process:setexec (EACCES); a value that is not a domain name is EINVAL.
    /// </summary>
    public static Rule Setprocattr { get; } = new(
        "task-lookup/selinux_setprocattr",
        Expr.Ite(
            !IsExecFile.Var,
            Decision.Deny(Errno.EINVAL),
            Expr.Ite(Expr.Ne(CallerDomain.Var, Expr.Bv(0, 8)), Decision.Deny(Errno.EACCES), Decision.AllowIf(ValidName.Var, Errno.EINVAL))),
        CallerDomain,
        IsExecFile,
        ValidName);

    /// <summary>The numbers of <paramref name="domains"/> (null: unconfined, 0), by first appearance.</summary>
    public static UInt128[] Number(params string?[] domains)
    {
        var seen = new List<string>();
        return [.. domains.Select(d =>
        {
            if (d is null)
            {
                return UInt128.Zero;
            }

            if (!seen.Contains(d))
            {
                seen.Add(d);
            }

            return (UInt128)(seen.IndexOf(d) + 1);
        })];
    }
}
