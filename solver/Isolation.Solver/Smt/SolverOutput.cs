using System.Collections.Immutable;

namespace Isolation.Solver.Smt;

/// <summary>Reads what a solver printed: the status line of <c>(check-sat)</c> and the pairs of <c>(get-value …)</c>.</summary>
internal static class SolverOutput
{
    /// <summary>The status of the first line that is sat, unsat or unknown; null when there is none.</summary>
    public static SmtStatus? Status(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            switch (line.Trim())
            {
                case "sat":
                    return SmtStatus.Sat;
                case "unsat":
                    return SmtStatus.Unsat;
                case "unknown":
                    return SmtStatus.Unknown;
            }
        }

        return null;
    }

    /// <summary>The model in a get-value answer (the first list of pairs in <paramref name="output"/>).</summary>
    public static ImmutableDictionary<string, UInt128> Model(string output, SmtQuery query)
    {
        var answer = SExpr.ParseAll(output).FirstOrDefault(e => e.Atom is null && e.Items.Length > 0 && e.Items.All(p => p.Atom is null && p.Items.Length == 2))
            ?? throw new FormatException($"no get-value answer in: {output}");
        var model = ImmutableDictionary.CreateBuilder<string, UInt128>();
        foreach (var pair in answer.Items)
        {
            var name = pair.Items[0].Atom ?? throw new FormatException($"not a name: {pair.Items[0]}");
            model[name] = pair.Items[1].ToBits(query.Inputs[name]);
        }

        return model.ToImmutable();
    }

    /// <summary>The last line that looks like an error or a reason, to explain an unknown.</summary>
    public static string Reason(string output) =>
        output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && l is not "sat" and not "unsat" and not "unknown") ?? "no answer";

    /// <summary>An empty model, for answers that are not sat.</summary>
    public static ImmutableDictionary<string, UInt128> None => ImmutableDictionary<string, UInt128>.Empty;
}
