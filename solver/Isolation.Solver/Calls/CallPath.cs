using System.Collections.Immutable;
using Isolation.Model.Designs;
using Isolation.Model.Rules;

namespace Isolation.Solver.Calls;

/// <summary>
/// The hooks a call goes through, in the order the kernel calls them (first refusal wins), with
/// what every such call satisfies (<see cref="Domain"/>) and the values a witness should prefer.
/// </summary>
/// <param name="Call">The call's name: <c>bind</c>, <c>ptrace</c>, or a hook's name for a call of one hook.</param>
/// <param name="Steps">The hooks in kernel order.</param>
/// <param name="Domain">What every call of this kind satisfies (the protocol refuses the rest before anything happens).</param>
/// <param name="Preference">Values a witness is asked for first (families and types a scenario can use); proofs never assume it.</param>
public sealed record CallPath(string Call, ImmutableArray<HookStep> Steps, Expr Domain, Expr Preference)
{
    /// <summary>
    /// Whether every design's rules on the path speak of the same things (a call of the kernel whose
    /// <see cref="Domain"/> links the designs' inputs), so that two designs can be compared on it.
    /// A path of one hook is comparable only between designs whose rules there read the same inputs.
    /// </summary>
    public bool SharedVocabulary { get; init; }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> can be compared on this path.</summary>
    public bool Compares(Design a, Design b) =>
        SharedVocabulary || InputNames(a).SetEquals(InputNames(b));

    private HashSet<string> InputNames(Design design) =>
        [.. RulesOf(design).SelectMany(p => p.Rule.Rule.Inputs).Select(i => i.Name)];

    /// <summary>The hooks of <paramref name="design"/> on this path, each with its reach condition.</summary>
    public IEnumerable<(HookStep Step, HookRule Rule)> RulesOf(Design design) =>
        Steps.SelectMany(step => design.Rules.Where(r => r.Hook == step.Hook).Select(r => (step, r)));

    /// <summary>Whether <paramref name="design"/> has a rule on this path.</summary>
    public bool Concerns(Design design) => RulesOf(design).Any();

    /// <summary>
    /// The design's decision on the call: its rules in kernel order, each applied where the call
    /// reaches it, the first refusal winning; allow when it has none here.
    /// </summary>
    public Expr DecisionOf(Design design) =>
        RulesOf(design).Reverse().Aggregate(
            Decision.Allow,
            (rest, pair) => Expr.Let(
                "d_" + pair.Rule.Rule.Name.Replace('/', '_').Replace('-', '_'),
                Expr.Ite(pair.Step.Reach, pair.Rule.Rule.Body, Decision.Allow),
                d => Expr.Ite(Decision.Denies(d), d, rest)));

    /// <summary>What the design's rules on this path assume of their inputs, with the path's domain.</summary>
    public Expr DomainOf(Design design) => Expr.And([Domain, .. RulesOf(design).Select(p => p.Rule.Rule.Domain)]);
}
