namespace Isolation.Properties;

/// <summary>
/// A design's claim as a checkable predicate over the model's states and trace, with the seed
/// sentence it comes from.
/// </summary>
/// <param name="Id">A stable name, <c>&lt;design&gt;/&lt;claim&gt;</c>: <c>bsdjail/no-ptrace-out-of-jail</c>.</param>
/// <param name="Design">The design that makes the claim.</param>
/// <param name="Source">The seed file (or document) the claim is taken from.</param>
/// <param name="Quote">The claim in its author's or reviewer's words, briefly.</param>
/// <param name="CreateMonitor">Makes a fresh monitor for one run.</param>
public sealed record Property(string Id, string Design, string Source, string Quote, Func<PropertyMonitor> CreateMonitor);
