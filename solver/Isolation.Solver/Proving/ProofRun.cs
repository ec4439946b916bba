using System.Collections.Immutable;
using System.Diagnostics;
using Isolation.Model.Designs;
using Isolation.Solver.Obligations;
using Isolation.Solver.Smt;
using Isolation.Solver.Witnesses;

namespace Isolation.Solver.Proving;

/// <summary>
/// One run of <c>isolation prove</c>: every obligation of the chosen designs through the chosen
/// solvers, each refutation's witness replayed in the simulator (and written under the emit folder
/// when there is one), with the wall time of the whole run.
/// </summary>
/// <param name="Results">One per obligation, in catalog order.</param>
/// <param name="Replays">For each refutation with a scenario, its predictions' outcomes.</param>
/// <param name="Elapsed">Wall time of the run, witnesses included.</param>
public sealed record ProofRun(ImmutableArray<ProofResult> Results, ImmutableDictionary<string, ImmutableArray<WitnessReplay.Outcome>> Replays, TimeSpan Elapsed)
{
    /// <summary>Runs the obligations of <paramref name="designs"/>; <paramref name="progress"/> sees each result as it comes.</summary>
    public static ProofRun Run(IReadOnlyList<Design> designs, IReadOnlyList<ISmtSolver> solvers, string? emit, Action<ProofResult, IReadOnlyList<WitnessReplay.Outcome>>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var prover = new Prover(solvers, emit);
        var results = ImmutableArray.CreateBuilder<ProofResult>();
        var replays = ImmutableDictionary.CreateBuilder<string, ImmutableArray<WitnessReplay.Outcome>>();
        foreach (var obligation in ObligationCatalog.For(designs))
        {
            var result = prover.Prove(obligation);
            results.Add(result);
            var outcomes = ImmutableArray<WitnessReplay.Outcome>.Empty;
            if (result.Scenario is { } scenario)
            {
                outcomes = scenario.Predictions.Select(p => WitnessReplay.Run(p, $"{scenario.Name}.{p.Design}.trace")).ToImmutableArray();
                replays[obligation.Id] = outcomes;
                if (emit is not null)
                {
                    foreach (var outcome in outcomes)
                    {
                        File.WriteAllText(Path.Combine(emit, $"{scenario.Name}.{outcome.Prediction.Design}.trace"), outcome.Trace);
                    }
                }
            }

            progress?.Invoke(result, outcomes);
        }

        return new ProofRun(results.ToImmutable(), replays.ToImmutable(), clock.Elapsed);
    }

    /// <summary>Whether every verdict is certain, the solvers agree, and every witness replays as predicted.</summary>
    public bool Clean => Results.All(r => r.Status != SmtStatus.Unknown) && Replays.Values.All(o => o.All(x => x.Holds));
}
