using System.Collections.Immutable;

namespace Isolation.Check.Explore;

/// <summary>
/// One step of an explored program: one process makes one call, or the calls of one of the design's
/// entry moves back to back. Call texts may still hold <c>{rK}</c>, the result of the move's K-th call.
/// </summary>
/// <param name="Process">The logical process making the calls.</param>
/// <param name="Family">The call family the move comes from.</param>
/// <param name="Calls">The call texts, without process name and result.</param>
/// <param name="Local">Whether the move changes only the caller's own state (partial-order reduction may reorder it).</param>
public sealed record Move(string Process, string Family, ImmutableArray<string> Calls, bool Local)
{
    /// <summary>The process number: 1 for p1.</summary>
    public int ProcessNumber => int.Parse(Process.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
