using Isolation.Model.Rules;
using Isolation.Solver.Witnesses;

namespace Isolation.Solver.Obligations;

/// <summary>
/// One proof obligation: a statement about the rules, and the formula that is satisfiable exactly
/// when the statement is false (its models are the counterexamples).
/// </summary>
/// <param name="Id">A stable name: <c>prctl-network-lsm/sendmsg/claim-enforced</c>.</param>
/// <param name="Design">The design (for a refinement, the first of the two).</param>
/// <param name="Hooks">The hooks the obligation is about.</param>
/// <param name="Kind">What it asks.</param>
/// <param name="Statement">What is proved, in words.</param>
/// <param name="Counterexample">Satisfiable iff the statement is false.</param>
/// <param name="Preference">A witness is asked first with this too (values a scenario can use).</param>
/// <param name="Witness">Turns a model of <see cref="Counterexample"/> into a scenario with predicted outcomes, where the call has one.</param>
public sealed record Obligation(
    string Id,
    string Design,
    IReadOnlyList<string> Hooks,
    ObligationKind Kind,
    string Statement,
    Expr Counterexample,
    Expr Preference,
    Func<IReadOnlyDictionary<string, UInt128>, WitnessScenario?>? Witness);
