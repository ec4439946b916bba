using Isolation.Model.Rules;

namespace Isolation.Properties.Stated;

/// <summary>
/// A design's claim about one kind of call, written in the rule language over the same inputs its
/// hooks' rules read: when the claim says the call must be refused. It quotes the seed; it is the
/// claim, not a copy of the code, and <c>isolation prove</c> checks the hooks against it.
/// </summary>
/// <param name="Design">The design that makes the claim.</param>
/// <param name="Id">A stable name, <c>&lt;design&gt;/&lt;claim&gt;</c>.</param>
/// <param name="Call">
/// What the claim is about: a call whose hooks the kernel runs in order (<c>socket</c>, <c>bind</c>,
/// <c>connect</c>, <c>sendmsg</c>, <c>ptrace</c>), or the name of one hook.
/// </param>
/// <param name="Source">The seed file.</param>
/// <param name="Quote">The claim in its author's words.</param>
/// <param name="Denies">When the claim says the call is refused.</param>
public sealed record StatedRule(string Design, string Id, string Call, string Source, string Quote, Expr Denies)
{
    /// <summary>
    /// The calls the claim speaks of (true unless set): a claim about well-formed calls leaves out
    /// those the protocol refuses whatever the design says (a short address, another family).
    /// </summary>
    public Expr Scope { get; init; } = Expr.True;
}
