using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Solver.Obligations;

/// <summary>Evaluates terms on a solver's model with the rules' own evaluator (an input the model lacks is 0).</summary>
public static class ModelValues
{
    /// <summary>The value of <paramref name="term"/> on <paramref name="model"/>.</summary>
    public static UInt128 Evaluate(Expr term, IReadOnlyDictionary<string, UInt128> model)
    {
        var inputs = SmtPrinter.FreeInputs(term).Select(p => Expr.Var(p.Key, p.Value)).ToList();
        var compiled = RuleCompiler.Compile(term, inputs);
        return compiled([.. inputs.Select(i => model.TryGetValue(i.Name!, out var v) ? v : UInt128.Zero)]);
    }

    /// <summary>The errno of a decision term on <paramref name="model"/>.</summary>
    public static Errno Decide(Expr decision, IReadOnlyDictionary<string, UInt128> model) => Decision.ToErrno(Evaluate(decision, model));
}
