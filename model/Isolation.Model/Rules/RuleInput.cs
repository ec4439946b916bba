namespace Isolation.Model.Rules;

/// <summary>One input of a rule: the variable, whose state it is read from, and its symmetry group.</summary>
/// <param name="Var">The input as a term (<see cref="Expr.Var"/>).</param>
/// <param name="Owner">Whose state it is.</param>
/// <param name="Symmetry">
/// The group of interchangeable values it ranges over (<c>port</c>, <c>ipv4</c>, <c>ipv6</c>,
/// <c>abstract-name</c>), which the explorer's symmetry reduction permutes; null when it has none.
/// </param>
public sealed record RuleInput(Expr Var, InputOwner Owner, string? Symmetry = null)
{
    /// <summary>The input's name.</summary>
    public string Name => Var.Name!;
}
