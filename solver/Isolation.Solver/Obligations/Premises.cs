using Isolation.Model.Designs;
using Isolation.Model.Rules;

namespace Isolation.Solver.Obligations;

/// <summary>
/// The explorer's premises as obligations on one rule. Task-local: a rule of a caller-only move
/// decides the same whatever any other task's or object's state is. Symmetric: a rule decides the
/// same when two values of a symmetry group (ports, addresses) that the rule does not mention are
/// swapped in every input of the group, configuration included.
/// </summary>
public static class Premises
{
    /// <summary>The premise obligations of one of <paramref name="design"/>'s rules.</summary>
    public static IEnumerable<Obligation> For(Design design, HookRule hookRule)
    {
        var rule = hookRule.Rule;
        if (CallerOnlyHooks.All.Contains(hookRule.Hook))
        {
            yield return TaskLocal(design, hookRule);
        }

        foreach (var group in rule.Inputs.Where(i => i.Symmetry is not null && i.Var.Sort.Kind == SortKind.BitVec).GroupBy(i => i.Symmetry!))
        {
            yield return Symmetric(design, hookRule, group.Key, [.. group]);
        }
    }

    private static Obligation TaskLocal(Design design, HookRule hookRule)
    {
        var rule = hookRule.Rule;
        var others = rule.Inputs.Where(i => i.Owner is not (InputOwner.Caller or InputOwner.Argument)).ToList();
        var primed = others.ToDictionary(i => i.Name, i => Expr.Var(i.Name + "'", i.Var.Sort));
        return new Obligation(
            $"{design.Name}/{hookRule.Hook}/task-local/{Short(rule)}",
            design.Name,
            [hookRule.Hook],
            ObligationKind.TaskLocal,
            $"{rule.Name} decides from the caller's state and the call's arguments alone (other inputs: {(others.Count == 0 ? "none" : string.Join(", ", others.Select(o => o.Name)))})",
            rule.Domain & rule.DomainOf(primed) & Expr.Ne(rule.Body, rule.Apply(primed)),
            Expr.True,
            null);
    }

    private static Obligation Symmetric(Design design, HookRule hookRule, string group, IReadOnlyList<RuleInput> inputs)
    {
        var rule = hookRule.Rule;
        var sort = inputs[0].Var.Sort;
        var p = Expr.Var($"swap_{group}_a", sort);
        var q = Expr.Var($"swap_{group}_b", sort);
        var mentioned = rule.Body.Literals().Where(l => l.Sort.SameAs(sort)).Select(l => l.Value).Distinct().ToList();
        var swapped = inputs.ToDictionary(i => i.Name, i => Expr.Ite(Expr.Eq(i.Var, p), q, Expr.Ite(Expr.Eq(i.Var, q), p, i.Var)));
        var fresh = Expr.And([.. mentioned.SelectMany(v => new[] { Expr.Ne(p, Expr.Const(v, sort)), Expr.Ne(q, Expr.Const(v, sort)) })]);
        return new Obligation(
            $"{design.Name}/{hookRule.Hook}/symmetric-{group}/{Short(rule)}",
            design.Name,
            [hookRule.Hook],
            ObligationKind.Symmetric,
            $"{rule.Name} decides the same when two {group} values it does not mention are swapped in {string.Join(", ", inputs.Select(i => i.Name))}",
            fresh & rule.Domain & rule.DomainOf(swapped) & Expr.Ne(rule.Body, rule.Apply(swapped)),
            Expr.True,
            null);
    }

    private static string Short(Rule rule) => rule.Name[(rule.Name.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
