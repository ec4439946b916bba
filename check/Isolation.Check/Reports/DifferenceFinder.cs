using System.Collections.Immutable;
using Isolation.Check.Explore;
using Isolation.Check.Universe;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Reports;

/// <summary>
/// Finds a shortest program on which two designs answer differently: breadth-first over the
/// programs of a universe whose entry moves are both designs', each program run under both designs
/// side by side, the pair of states fingerprinted together.
/// </summary>
public static class DifferenceFinder
{
    /// <summary>The shortest difference up to <paramref name="depth"/> moves, or null when the designs agree on every program.</summary>
    public static Difference? Find(string first, string second, int depth, long maxStates = 200_000)
    {
        var a = ProgramUniverse.For(first, depth);
        var b = ProgramUniverse.For(second, depth);
        var moves = new MoveGenerator(a with { Designs = [.. a.Designs.Concat(b.Designs).Distinct()] }, symmetry: true);
        var visited = new HashSet<(Fingerprint, Fingerprint)>();
        var frontier = new List<List<EventLine>> { new() };
        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            var next = new List<List<EventLine>>();
            foreach (var path in frontier)
            {
                var here = Replay(a, path);
                foreach (var move in moves.Moves(here))
                {
                    var runA = Replay(a, path);
                    var runB = Replay(b, path);
                    var eventsA = runA.Apply(move);
                    var eventsB = runB.Apply(move);
                    if (eventsA is not { } events || eventsB is null || !events.SequenceEqual(eventsB.Value))
                    {
                        continue;
                    }

                    for (var i = path.Count; i < runA.Answers.Count; i++)
                    {
                        if (TracePrinter.PrintEvent(runA.Answers[i]) != TracePrinter.PrintEvent(runB.Answers[i]))
                        {
                            return new Difference(first, second, [.. runA.Answers.Take(i + 1)], runA.Answers[i], runB.Answers[i]);
                        }
                    }

                    if (visited.Count < maxStates && visited.Add((StateHasher.Of(runA.Kernel, [], true), StateHasher.Of(runB.Kernel, [], true))))
                    {
                        next.Add([.. path, .. events]);
                    }
                }
            }

            frontier = next;
        }

        return null;
    }

    private static ProgramRun Replay(ProgramUniverse universe, List<EventLine> path)
    {
        var run = ProgramRun.Start(universe, []);
        run.Replay(path);
        return run;
    }

    /// <summary>The difference as a scenario for the first design, with both answers in its header.</summary>
    public static string Scenario(Difference d)
    {
        var lines = new List<string>
        {
            "# isolation-trace 1",
            $"# scenario: {d.First}--vs--{d.Second}",
            $"# design: {d.First}",
            $"# differs: event {d.Events.Length}: {d.First} answers `{TracePrinter.PrintEvent(d.FirstAnswer)}`, {d.Second} answers `{TracePrinter.PrintEvent(d.SecondAnswer)}`",
            "# found-by: isolation compare (shortest program on which the two designs answer differently)",
        };
        lines.AddRange(d.Events.Select(TracePrinter.PrintEvent));
        return string.Join("\n", lines) + "\n";
    }
}
