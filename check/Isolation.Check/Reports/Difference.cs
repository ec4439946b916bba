using System.Collections.Immutable;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Reports;

/// <summary>A shortest program on which two designs answer differently: the first differing event and each design's answer.</summary>
/// <param name="First">The first design.</param>
/// <param name="Second">The second design.</param>
/// <param name="Events">The program up to and including the differing event, as the first design answered it.</param>
/// <param name="FirstAnswer">The differing event as the first design answered it.</param>
/// <param name="SecondAnswer">The same event as the second design answered it.</param>
public sealed record Difference(string First, string Second, ImmutableArray<EventLine> Events, EventLine FirstAnswer, EventLine SecondAnswer);
