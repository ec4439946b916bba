using System.Collections.Immutable;
using Isolation.Solver.Obligations;
using Isolation.Solver.Smt;
using Isolation.Solver.Witnesses;

namespace Isolation.Solver.Proving;

/// <summary>The verdict on one obligation: proved, refuted with a witness, or unknown with a reason.</summary>
/// <param name="Obligation">The obligation.</param>
/// <param name="Status">Unsat (proved), sat (refuted) or unknown — unknown too when the solvers disagree.</param>
/// <param name="Answers">Every solver's answer.</param>
/// <param name="Witness">For a refutation, the model (preferring values a scenario can use).</param>
/// <param name="Scenario">For a refutation whose call has one, the witness as scenarios with predictions.</param>
/// <param name="Reason">For unknown, why.</param>
public sealed record ProofResult(
    Obligation Obligation,
    SmtStatus Status,
    ImmutableArray<SmtAnswer> Answers,
    IReadOnlyDictionary<string, UInt128>? Witness,
    WitnessScenario? Scenario,
    string? Reason)
{
    /// <summary>The verdict as a word: proved, refuted, unknown.</summary>
    public string Verdict => Status switch
    {
        SmtStatus.Unsat => "proved",
        SmtStatus.Sat => "refuted",
        _ => "unknown",
    };

    /// <summary>Whether every solver gave the same status.</summary>
    public bool SolversAgree => Answers.Select(a => a.Status).Distinct().Count() <= 1;
}
