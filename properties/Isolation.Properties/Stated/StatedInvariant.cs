using Isolation.Model.Rules;

namespace Isolation.Properties.Stated;

/// <summary>
/// A design's claim about a transition of its state, in the rule language: a Boolean term over a
/// hook's inputs and the design's transition rule that must always hold ("restrictions only grow").
/// </summary>
/// <param name="Design">The design that makes the claim.</param>
/// <param name="Id">A stable name, <c>&lt;design&gt;/&lt;claim&gt;</c>.</param>
/// <param name="Hook">The hook whose transition it is about.</param>
/// <param name="Source">The seed file.</param>
/// <param name="Quote">The claim in its author's words.</param>
/// <param name="Holds">What must hold for every input.</param>
public sealed record StatedInvariant(string Design, string Id, string Hook, string Source, string Quote, Expr Holds)
{
    /// <summary>Whether the invariant says the design's restrictions only grow (monotonicity).</summary>
    public bool IsMonotonicity { get; init; }
}
