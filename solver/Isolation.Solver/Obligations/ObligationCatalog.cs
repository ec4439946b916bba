using Isolation.Model.Designs;
using Isolation.Model.Rules;
using Isolation.Properties.Stated;
using Isolation.Solver.Calls;
using Isolation.Solver.Witnesses;
using Isolation.Traces;

namespace Isolation.Solver.Obligations;

/// <summary>
/// Every obligation of a set of designs: each stated rule against the hooks on its call's path
/// (both ways), each stated invariant, the explorer's premises for each rule, and the refinement
/// between every two designs that state rules about the same call.
/// </summary>
public static class ObligationCatalog
{
    /// <summary>The obligations of <paramref name="designs"/>, design by design, refinements last.</summary>
    public static IReadOnlyList<Obligation> For(IReadOnlyList<Design> designs)
    {
        var all = new List<Obligation>();
        foreach (var design in designs)
        {
            all.AddRange(Claims(design));
            all.AddRange(Invariants(design));
            all.AddRange(design.Rules.SelectMany(r => Premises.For(design, r)));
        }

        foreach (var a in designs)
        {
            foreach (var b in designs.Where(b => b != a))
            {
                all.AddRange(Refinements(a, b));
            }
        }

        return all;
    }

    private static IEnumerable<Obligation> Claims(Design design)
    {
        foreach (var claim in StatedRuleCatalog.For(design.Name))
        {
            var path = KernelPaths.For(claim.Call);
            var domain = path.DomainOf(design) & claim.Scope;
            var decision = path.DecisionOf(design);
            var hooks = path.RulesOf(design).Select(p => p.Rule.Hook).Distinct().ToList();
            yield return new Obligation(
                $"{claim.Id}/{claim.Call}/claim-enforced",
                design.Name,
                hooks,
                ObligationKind.ClaimEnforced,
                $"every {claim.Call} the claim refuses, {design.Name}'s hooks ({string.Join(", ", hooks)}) refuse: {claim.Quote}",
                domain & claim.Denies & !Decision.Denies(decision),
                path.Preference,
                model => Witness(claim.Call, $"{claim.Id}/{claim.Call}/claim-enforced", model, (design, ModelValues.Decide(decision, model), Errno.EPERM)));
            foreach (var (step, rule) in path.RulesOf(design))
            {
                var id = $"{claim.Id}/{rule.Hook}/within-claim";
                yield return new Obligation(
                    id,
                    design.Name,
                    [rule.Hook],
                    ObligationKind.WithinClaim,
                    $"{rule.Hook} ({rule.Rule.Name}) refuses only the {claim.Call} calls the claim refuses: {claim.Quote}",
                    domain & step.Reach & Decision.Denies(rule.Rule.Body) & !claim.Denies,
                    path.Preference,
                    model => Witness(claim.Call, id, model, (design, ModelValues.Decide(decision, model), Errno.None)));
            }
        }
    }

    private static IEnumerable<Obligation> Invariants(Design design) =>
        StatedRuleCatalog.Invariants.Where(i => i.Design == design.Name).Select(i => new Obligation(
            $"{i.Id}/{i.Hook}/{(i.IsMonotonicity ? "monotonic" : "invariant")}",
            design.Name,
            [i.Hook],
            i.IsMonotonicity ? ObligationKind.Monotonic : ObligationKind.Invariant,
            i.IsMonotonicity ? $"{i.Hook} only adds restrictions: {i.Quote}" : $"{i.Hook} keeps its promise: {i.Quote}",
            !i.Holds,
            KernelPaths.For(i.Hook).Preference,
            model => Witness(i.Hook, $"{i.Id}/{i.Hook}/{(i.IsMonotonicity ? "monotonic" : "invariant")}", model, (design, Errno.None, Errno.EPERM))));

    private static IEnumerable<Obligation> Refinements(Design a, Design b)
    {
        var calls = StatedRuleCatalog.For(a.Name).Select(c => c.Call).Intersect(StatedRuleCatalog.For(b.Name).Select(c => c.Call));
        foreach (var call in calls)
        {
            var path = KernelPaths.For(call);
            if (!path.Compares(a, b))
            {
                continue;
            }

            var id = $"{a.Name}/refines/{b.Name}/{call}";
            var hooks = path.RulesOf(a).Concat(path.RulesOf(b)).Select(p => p.Rule.Hook).Distinct().ToList();
            yield return new Obligation(
                id,
                a.Name,
                hooks,
                ObligationKind.Refinement,
                $"every {call} {b.Name} refuses, {a.Name} refuses too (a witness is a {call} {a.Name} permits and {b.Name} denies)",
                path.DomainOf(a) & path.DomainOf(b) & !Decision.Denies(path.DecisionOf(a)) & Decision.Denies(path.DecisionOf(b)),
                path.Preference,
                model => Witness(call, id, model, (a, Errno.None, ModelValues.Decide(path.DecisionOf(b), model)), (b, ModelValues.Decide(path.DecisionOf(b), model), Errno.None)));
        }
    }

    // The scenarios of a witness, one per design with its predicted answer; null if a call cannot be written.
    private static WitnessScenario? Witness(string call, string id, IReadOnlyDictionary<string, UInt128> model, params (Design Design, Errno Denied, Errno Refused)[] sides)
    {
        var name = id.Replace("/", "--", StringComparison.Ordinal);
        var predictions = new List<Prediction>();
        foreach (var (design, denied, refused) in sides)
        {
            if (CallScenarios.Write(call, design, model, name) is not { } scenario)
            {
                return null;
            }

            predictions.Add(new Prediction(design.Name, scenario.Text, scenario.Event, denied, refused));
        }

        return new WitnessScenario(name, [.. predictions]);
    }
}
