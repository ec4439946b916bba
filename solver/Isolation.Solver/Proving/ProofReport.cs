using System.Globalization;
using System.Text;
using System.Text.Json;
using Isolation.Solver.Smt;
using Isolation.Solver.Witnesses;

namespace Isolation.Solver.Proving;

/// <summary>The human and JSON forms of a <see cref="ProofRun"/>.</summary>
public static class ProofReport
{
    /// <summary>One line for a result: verdict, time per solver, id, and the witness or the reason.</summary>
    public static string Line(ProofResult r, IReadOnlyList<WitnessReplay.Outcome> outcomes)
    {
        var times = string.Join(" ", r.Answers.Select(a => $"{a.Solver} {Ms(a.Elapsed)}"));
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{r.Verdict,-8} {r.Obligation.Id}  [{times}]");
        if (r.Status == SmtStatus.Sat && r.Witness is { } witness)
        {
            s.Append("\n         witness: ").Append(CallScenarios.Describe(witness));
            if (r.Scenario is not null)
            {
                foreach (var o in outcomes)
                {
                    var predicted = o.Prediction.Denied != Traces.Errno.None ? o.Prediction.Denied.ToString() : $"not {o.Prediction.Refused}";
                    s.Append(CultureInfo.InvariantCulture, $"\n         scenario {r.Scenario!.Name}.{o.Prediction.Design}.trace: predicted {predicted}, simulator {Answer(o.Answer)}: {(o.Holds ? "as predicted" : "MISMATCH")}");
                }
            }
            else
            {
                s.Append("\n         no scenario for this witness");
            }
        }

        if (r.Reason is { } reason)
        {
            s.Append("\n         reason: ").Append(reason);
        }

        return s.ToString();
    }

    /// <summary>The summary lines: counts, solver agreement, witness replays, time.</summary>
    public static string Summary(ProofRun run)
    {
        var results = run.Results;
        var designs = results.GroupBy(r => r.Obligation.Design).Select(g => $"{g.Key} {g.Count()}");
        var replayed = run.Replays.Values.SelectMany(o => o).ToList();
        var solvers = results.SelectMany(r => r.Answers).Select(a => a.Solver).Distinct().ToList();
        var agree = results.Count(r => r.SolversAgree);
        return string.Create(CultureInfo.InvariantCulture, $"""
            {results.Length} obligations: {results.Count(r => r.Status == SmtStatus.Unsat)} proved, {results.Count(r => r.Status == SmtStatus.Sat)} refuted, {results.Count(r => r.Status == SmtStatus.Unknown)} unknown
            per design: {string.Join(", ", designs)}
            solvers ({string.Join(", ", solvers)}): agree on {agree} of {results.Length}
            witnesses: {run.Replays.Count} with scenarios, {replayed.Count(o => o.Holds)} of {replayed.Count} predictions replayed as predicted; {results.Count(r => r.Status == SmtStatus.Sat && r.Scenario is null)} refutations without a scenario
            time: {Ms(run.Elapsed)} wall

            """);
    }

    /// <summary>The run as JSON: one object per obligation, and the summary counts.</summary>
    public static string Json(ProofRun run)
    {
        var obligations = run.Results.Select(r => new
        {
            id = r.Obligation.Id,
            design = r.Obligation.Design,
            hooks = r.Obligation.Hooks,
            kind = r.Obligation.Kind.ToString(),
            statement = r.Obligation.Statement,
            verdict = r.Verdict,
            reason = r.Reason,
            answers = r.Answers.Select(a => new { solver = a.Solver, status = a.Status.ToString().ToLowerInvariant(), ms = a.Elapsed.TotalMilliseconds }),
            witness = r.Witness?.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture)),
            scenarios = run.Replays.TryGetValue(r.Obligation.Id, out var o)
                ? o.Select(x => new { design = x.Prediction.Design, file = $"{r.Scenario!.Name}.{x.Prediction.Design}.trace", predicted = x.Prediction.Denied.ToString(), simulator = x.Answer.ToString(), holds = x.Holds })
                : null,
        });
        return JsonSerializer.Serialize(
            new
            {
                obligations,
                proved = run.Results.Count(r => r.Status == SmtStatus.Unsat),
                refuted = run.Results.Count(r => r.Status == SmtStatus.Sat),
                unknown = run.Results.Count(r => r.Status == SmtStatus.Unknown),
                seconds = run.Elapsed.TotalSeconds,
            },
            Options) + "\n";
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    private static string Answer(Traces.Errno errno) => errno == Traces.Errno.None ? "success" : errno.ToString();

    private static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:F0} ms");
}
