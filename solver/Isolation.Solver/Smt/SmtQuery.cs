using System.Collections.Immutable;
using System.Text;
using Isolation.Model.Rules;

namespace Isolation.Solver.Smt;

/// <summary>
/// One satisfiability question as SMT-LIB2 text: the declarations of every enumeration and input
/// the formula uses, the assertion, and <c>(check-sat)</c>. <see cref="Script"/> is what every
/// solver reads and what is written to disk; <see cref="GetValue"/> asks for the witness.
/// </summary>
public sealed class SmtQuery
{
    /// <summary>Makes the query "is <paramref name="formula"/> satisfiable?", titled <paramref name="title"/>.</summary>
    public SmtQuery(string title, string description, Expr formula)
    {
        Title = title;
        Formula = formula;
        Inputs = SmtPrinter.FreeInputs(formula).ToImmutableSortedDictionary(StringComparer.Ordinal);
        var s = new StringBuilder();
        s.Append("; ").Append(title).Append('\n');
        foreach (var line in description.Split('\n'))
        {
            s.Append("; ").Append(line).Append('\n');
        }

        s.Append("; sat: refuted (the model is a witness); unsat: proved\n");
        s.Append("(set-logic ALL)\n(set-option :produce-models true)\n");
        foreach (var sort in SmtPrinter.Enums(formula).Values)
        {
            s.Append(SmtPrinter.DeclareEnum(sort)).Append('\n');
        }

        foreach (var (name, sort) in Inputs)
        {
            s.Append(SmtPrinter.DeclareConst(name, sort)).Append('\n');
        }

        s.Append("(assert ").Append(SmtPrinter.Term(formula)).Append(")\n(check-sat)\n");
        Script = s.ToString();
        GetValue = Inputs.Count == 0 ? "" : $"(get-value ({string.Join(' ', Inputs.Keys.Select(SmtPrinter.Symbol))}))\n";
    }

    /// <summary>The obligation's id.</summary>
    public string Title { get; }

    /// <summary>The formula whose satisfiability is asked.</summary>
    public Expr Formula { get; }

    /// <summary>Every input of the formula, by name, with its sort.</summary>
    public ImmutableSortedDictionary<string, Sort> Inputs { get; }

    /// <summary>The script up to and including <c>(check-sat)</c>.</summary>
    public string Script { get; }

    /// <summary><c>(get-value (…))</c> of every input, to send after a sat answer; empty when there are none.</summary>
    public string GetValue { get; }

    /// <summary>The file anyone can re-run: the script, then the get-value as a comment (it is an error after unsat).</summary>
    public string FileText => Script + (GetValue.Length == 0 ? "" : "; after sat: " + GetValue);
}
