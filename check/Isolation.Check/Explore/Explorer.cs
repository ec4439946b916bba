using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Tasks;
using Isolation.Check.Counterexamples;
using Isolation.Check.Universe;
using Isolation.Properties;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Explore;

/// <summary>
/// Breadth-first explicit-state search over every program of a universe, checking every property
/// in every state reached: the first counterexample found for a property is a shortest one. States
/// are stored as fingerprints; a state is kept as the program that first reached it and re-run from
/// a fresh kernel when expanded. Each level is expanded in parallel in chunks and merged in order,
/// so the result does not depend on the number of workers.
/// </summary>
public sealed class Explorer
{
    private const int ChunkSize = 512;

    private readonly ProgramUniverse _universe;
    private readonly IReadOnlyList<Property> _properties;
    private readonly ExplorerOptions _options;
    private readonly MoveGenerator _moves;

    /// <summary>A search of <paramref name="universe"/> for violations of <paramref name="properties"/>.</summary>
    public Explorer(ProgramUniverse universe, IReadOnlyList<Property> properties, ExplorerOptions? options = null)
    {
        _universe = universe;
        _properties = properties;
        _options = options ?? new ExplorerOptions();
        _moves = new MoveGenerator(universe, _options.Symmetry);
    }

    /// <summary>Runs the search; <paramref name="progress"/> hears after every chunk.</summary>
    public ExplorationResult Run(Action<ExplorationProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var nodes = new List<Node>();
        var visited = new HashSet<Fingerprint>();
        var found = new Counterexample?[_properties.Count];
        long transitions = 0, peak = 0;
        string? bound = null;

        var root = ProgramRun.Start(_universe, _properties);
        visited.Add(Print(root));
        nodes.Add(new Node(-1, [], 0, Local: false));
        var prologue = root.Events.ToImmutableArray();
        Record(found, root);
        var frontier = new List<int> { 0 };
        var depthCompleted = 0;

        for (var depth = 1; depth <= _universe.Depth && frontier.Count > 0 && bound is null && !Done(found); depth++)
        {
            var next = new List<int>();
            for (var at = 0; at < frontier.Count && bound is null; at += ChunkSize)
            {
                cancel.ThrowIfCancellationRequested();
                var chunk = frontier.GetRange(at, Math.Min(ChunkSize, frontier.Count - at));
                var expanded = new List<Successor>[chunk.Count];
                Parallel.For(0, chunk.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.WorkerCount, CancellationToken = cancel },
                    i => expanded[i] = Expand(nodes, chunk[i]));

                foreach (var successors in expanded)
                {
                    foreach (var s in successors)
                    {
                        transitions++;
                        foreach (var (index, violation) in s.NewViolations)
                        {
                            found[index] ??= new Counterexample(_properties[index], _universe, [.. prologue, .. Path(nodes, s.Parent), .. s.Events], violation);
                        }

                        if (!visited.Add(s.Print))
                        {
                            continue;
                        }

                        if (visited.Count > _options.MaxStates)
                        {
                            bound = $"state bound reached at depth {depth}: {_options.MaxStates:N0} states stored ({GC.GetTotalMemory(false) / (1 << 20):N0} MiB managed); raise --max-states or lower --depth";
                            break;
                        }

                        next.Add(nodes.Count);
                        nodes.Add(new Node(s.Parent, s.Events, s.Process, s.Local));
                    }

                    if (bound is not null)
                    {
                        break;
                    }
                }

                peak = Math.Max(peak, GC.GetTotalMemory(false));
                progress?.Invoke(new ExplorationProgress(depth, visited.Count, transitions, clock.Elapsed, peak));
            }

            if (bound is null)
            {
                depthCompleted = depth;
            }

            frontier = next;
        }

        var outcomes = _properties.Select((p, i) => new PropertyOutcome(p, found[i])).ToImmutableArray();
        return new ExplorationResult(_universe, outcomes, visited.Count, transitions, depthCompleted, bound, clock.Elapsed, peak);
    }

    private bool Done(Counterexample?[] found) => _options.StopWhenAllViolated && found.Length > 0 && found.All(c => c is not null);

    /// <summary>Every successor of a stored state: its moves, each run from a fresh kernel.</summary>
    private List<Successor> Expand(List<Node> nodes, int index)
    {
        var node = nodes[index];
        var path = Path(nodes, index);
        var here = Replay(path);
        var successors = new List<Successor>();
        foreach (var move in _moves.Moves(here))
        {
            if (_options.PartialOrder && move.Local && node.Local && move.ProcessNumber < node.Process)
            {
                continue; // the other order of these two independent moves is explored from the parent
            }

            var run = Replay(path);
            if (run.Apply(move) is not { } events)
            {
                continue;
            }

            var fresh = ImmutableArray.CreateBuilder<(int, Violation)>();
            for (var p = 0; p < run.Violations.Length; p++)
            {
                if (run.Violations[p] is { } v && here.Violations[p] is null)
                {
                    fresh.Add((p, v));
                }
            }

            successors.Add(new Successor(index, events, Print(run), move.ProcessNumber, move.Local, fresh.ToImmutable()));
        }

        return successors;
    }

    private ProgramRun Replay(List<EventLine> path)
    {
        var run = ProgramRun.Start(_universe, _properties);
        run.Replay(path);
        return run;
    }

    private Fingerprint Print(ProgramRun run) => StateHasher.Of(run.Kernel, run.Monitors, _options.Symmetry);

    /// <summary>Properties the start state already breaks (a prologue can).</summary>
    private void Record(Counterexample?[] found, ProgramRun run)
    {
        for (var p = 0; p < found.Length; p++)
        {
            if (run.Violations[p] is { } v)
            {
                found[p] ??= new Counterexample(_properties[p], _universe, [.. run.Events], v);
            }
        }
    }

    /// <summary>The events of the program that first reached a stored state (the prologue is run by <see cref="ProgramRun.Start"/>).</summary>
    private static List<EventLine> Path(List<Node> nodes, int index)
    {
        var parts = new List<ImmutableArray<EventLine>>();
        for (var i = index; i >= 0; i = nodes[i].Parent)
        {
            parts.Add(nodes[i].Events);
        }

        parts.Reverse();
        return [.. parts.SelectMany(p => p)];
    }

    /// <summary>A stored state: the state it came from, the events of the move that reached it, who moved.</summary>
    private sealed record Node(int Parent, ImmutableArray<EventLine> Events, int Process, bool Local);

    /// <summary>A state reached from a stored one, before it is merged.</summary>
    private sealed record Successor(int Parent, ImmutableArray<EventLine> Events, Fingerprint Print, int Process, bool Local, ImmutableArray<(int Index, Violation Violation)> NewViolations);
}
