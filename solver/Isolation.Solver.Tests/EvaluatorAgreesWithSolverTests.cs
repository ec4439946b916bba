using Isolation.Model.Designs;
using Isolation.Model.Rules;
using Isolation.Solver.Smt;

namespace Isolation.Solver.Tests;

/// <summary>
/// One source of truth, checked: for every rule of every design, on random inputs, the value the
/// hooks compute with the evaluator is the only value Z3 allows the printed formula to take.
/// </summary>
public sealed class EvaluatorAgreesWithSolverTests
{
    private const int Points = 12;

    public static TheoryData<string> RuleNames() =>
        [.. DesignCatalog.All.SelectMany(d => d.Rules).Select(r => r.Rule.Name).Distinct()];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void EveryRule_EvaluatesAsItsFormula(string name)
    {
        if (!Z3InProcess.IsAvailable)
        {
            return; // scripts/setup installs libz3-4 and cvc5; without them there is nothing to run
        }

        var rule = DesignCatalog.All.SelectMany(d => d.Rules).First(r => r.Rule.Name == name).Rule;
        var seed = name.Aggregate(17, (h, c) => (h * 31) + c);
        var random = new Random(seed);
        var mismatches = new List<Expr>();
        for (var i = 0; i < Points; i++)
        {
            var args = rule.Inputs.Select(input => RandomValue(random, input.Var.Sort)).ToArray();
            var value = rule.Evaluate(args);
            var fixedInputs = rule.Inputs.Select((input, k) => Expr.Eq(input.Var, Expr.Const(args[k], input.Var.Sort)));
            mismatches.Add(Expr.And([.. fixedInputs, Expr.Ne(rule.Body, Expr.Const(value, rule.Body.Sort))]));
        }

        var answer = new Z3InProcess().Check(new SmtQuery(name, $"evaluator agreement (seed {seed})", Expr.Or([.. mismatches])));
        Assert.Equal(SmtStatus.Unsat, answer.Status);
    }

    // Small values half the time (families, flags, ids live there), any value of the width otherwise.
    private static UInt128 RandomValue(Random random, Sort sort)
    {
        if (sort.Kind != SortKind.BitVec)
        {
            return (UInt128)random.Next(0, (int)sort.Mask + 1);
        }

        var small = (UInt128)random.Next(0, 20);
        var wide = ((UInt128)(ulong)random.NextInt64() << 64) | (ulong)random.NextInt64();
        return (random.Next(2) == 0 ? small : wide) & sort.Mask;
    }
}
