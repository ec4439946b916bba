using System.Collections.Immutable;
using Isolation.Solver.Obligations;
using Isolation.Solver.Smt;

namespace Isolation.Solver.Proving;

/// <summary>
/// Proves obligations: writes each as an SMT-LIB2 query (to <c>--emit</c> as <c>&lt;id&gt;.smt2</c>
/// when asked), asks every solver, and takes their common answer — unknown, with both answers
/// named, when they disagree. For a refutation it asks the first solver again with the
/// obligation's preference, for a witness a scenario can express, and builds that scenario.
/// </summary>
public sealed class Prover
{
    private readonly ImmutableArray<ISmtSolver> _solvers;
    private readonly string? _emit;

    /// <summary>A prover asking <paramref name="solvers"/> and writing queries under <paramref name="emit"/> (null: nowhere).</summary>
    public Prover(IEnumerable<ISmtSolver> solvers, string? emit = null)
    {
        _solvers = [.. solvers];
        _emit = emit;
        if (_solvers.IsEmpty)
        {
            throw new ArgumentException("no solver", nameof(solvers));
        }
    }

    /// <summary>The file name of an obligation's query: its id with <c>/</c> as <c>--</c>.</summary>
    public static string FileName(Obligation obligation) => obligation.Id.Replace("/", "--", StringComparison.Ordinal) + ".smt2";

    /// <summary>Proves one obligation.</summary>
    public ProofResult Prove(Obligation obligation)
    {
        var query = new SmtQuery(obligation.Id, obligation.Statement, obligation.Counterexample);
        if (_emit is not null)
        {
            Directory.CreateDirectory(_emit);
            File.WriteAllText(Path.Combine(_emit, FileName(obligation)), query.FileText);
        }

        var answers = _solvers.Select(s => s.Check(query)).ToImmutableArray();
        var statuses = answers.Select(a => a.Status).Distinct().ToList();
        if (statuses.Count > 1)
        {
            var said = string.Join(", ", answers.Select(a => $"{a.Solver} {a.Status.ToString().ToLowerInvariant()}"));
            return new ProofResult(obligation, SmtStatus.Unknown, answers, null, null, $"solvers disagree: {said}");
        }

        var status = statuses[0];
        if (status == SmtStatus.Unknown)
        {
            return new ProofResult(obligation, status, answers, null, null, string.Join("; ", answers.Select(a => $"{a.Solver}: {a.Reason}")));
        }

        if (status == SmtStatus.Unsat)
        {
            return new ProofResult(obligation, status, answers, null, null, null);
        }

        var witness = PreferredWitness(obligation, query) ?? answers[0].Model;
        var scenario = obligation.Witness?.Invoke(witness);
        return new ProofResult(obligation, status, answers, witness, scenario, null);
    }

    // The first solver's model of the counterexample restricted to the preferred values, if there is one.
    private ImmutableDictionary<string, UInt128>? PreferredWitness(Obligation obligation, SmtQuery query)
    {
        var preferred = new SmtQuery(obligation.Id + " (preferred witness)", obligation.Statement, obligation.Counterexample & obligation.Preference);
        var answer = _solvers[0].Check(preferred);
        if (answer.Status != SmtStatus.Sat)
        {
            return null;
        }

        // Keep the obligation's own inputs only (the preference may mention others).
        return answer.Model.Where(p => query.Inputs.ContainsKey(p.Key)).ToImmutableDictionary();
    }
}
