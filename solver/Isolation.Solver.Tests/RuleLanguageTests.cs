using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Solver.Tests;

/// <summary>The rule language's evaluator and printer on small terms.</summary>
public sealed class RuleLanguageTests
{
    [Fact]
    public void PrefixMask_MatchesTheNetworkBitsOnly()
    {
        var rule = new Rule(
            "test/prefix",
            Expr.InPrefix(Expr.BvVar("a", 32), Expr.BvVar("n", 32), Expr.BvVar("p", 32)),
            new RuleInput(Expr.BvVar("a", 32), InputOwner.Argument),
            new RuleInput(Expr.BvVar("n", 32), InputOwner.Configuration),
            new RuleInput(Expr.BvVar("p", 32), InputOwner.Configuration));
        Assert.True(rule.Holds(0x0A010203, 0x0A000000, 8));
        Assert.False(rule.Holds(0x0B010203, 0x0A000000, 8));
        Assert.True(rule.Holds(0xFFFFFFFF, 0, 0));
        Assert.False(rule.Holds(0x0A000001, 0x0A000000, 32));
    }

    [Fact]
    public void Let_BindsItsValueInTheBody()
    {
        var x = Expr.BvVar("x", 8);
        var body = Expr.Let("y", Expr.BvAnd(x, Expr.Bv(0x0F, 8)), y => Expr.Eq(y, Expr.Bv(3, 8)));
        var rule = new Rule("test/let", body, new RuleInput(x, InputOwner.Argument));
        Assert.True(rule.Holds(0xF3));
        Assert.False(rule.Holds(0xF4));
        Assert.Equal("(let ((y (bvand x #x0f))) (= y #x03))", SmtPrinter.Term(body));
    }

    [Fact]
    public void Decision_PrintsAsEnumerationMembers()
    {
        var off = Expr.BoolVar("off");
        var rule = new Rule("test/deny", Decision.DenyIf(off, Errno.EPERM), new RuleInput(off, InputOwner.Caller));
        Assert.Equal(Errno.EPERM, rule.Decide(1));
        Assert.Equal(Errno.None, rule.Decide(0));
        Assert.Equal("(ite off Errno.EPERM Errno.None)", SmtPrinter.Term(rule.Body));
    }

    [Fact]
    public void IllTypedTerm_IsRefusedWhenBuilt()
    {
        Assert.Throws<ArgumentException>(() => Expr.Eq(Expr.BvVar("a", 32), Expr.BvVar("b", 16)));
        Assert.Throws<ArgumentException>(() => Expr.And(Expr.BvVar("a", 32), Expr.True));
    }
}
