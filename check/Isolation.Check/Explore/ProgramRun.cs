using System.Collections.Immutable;
using System.Globalization;
using Isolation.Check.Universe;
using Isolation.Model.Kernel;
using Isolation.Properties;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Explore;

/// <summary>
/// One program being run in the model from a fresh kernel, with a monitor per property watching
/// every step: the explorer replays a stored program with it, then tries one more move.
/// </summary>
internal sealed class ProgramRun
{
    private readonly PropertyMonitor[] _monitors;
    private readonly List<EventLine> _events = [];
    private readonly List<EventLine> _answers = [];

    private ProgramRun(KernelState kernel, IReadOnlyList<Property> properties)
    {
        Kernel = kernel;
        _monitors = [.. properties.Select(p => p.CreateMonitor())];
        Violations = new Violation?[properties.Count];
    }

    /// <summary>The kernel after the events so far.</summary>
    public KernelState Kernel { get; }

    /// <summary>The monitors' state, part of what a state is.</summary>
    public IReadOnlyList<PropertyMonitor> Monitors => _monitors;

    /// <summary>For each property, the first step that violated it, or null.</summary>
    public Violation?[] Violations { get; }

    /// <summary>The concrete events run so far.</summary>
    public IReadOnlyList<EventLine> Events => _events;

    /// <summary>The events as the model answered them (results and output arguments filled in).</summary>
    public IReadOnlyList<EventLine> Answers => _answers;

    /// <summary>The program so far as text, to tell which values it has used.</summary>
    public string Text => string.Join("\n", _events.Select(TracePrinter.PrintEvent));

    /// <summary>Boots the universe's kernel and runs the threat model's prologue.</summary>
    public static ProgramRun Start(ProgramUniverse universe, IReadOnlyList<Property> properties)
    {
        var environment = new RunEnvironment(universe.DesignSpec, universe.Designs, universe.Setup, universe.User);
        var run = new ProgramRun(environment.Boot(), properties);
        foreach (var line in universe.Threat.Prologue)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            run.Run(EventCache.Get(line[..space], line[(space + 1)..line.LastIndexOf(" = ", StringComparison.Ordinal)]));
        }

        return run;
    }

    /// <summary>Runs stored events (a program the explorer reached before).</summary>
    public void Replay(IEnumerable<EventLine> events)
    {
        foreach (var ev in events)
        {
            Run(ev);
        }
    }

    /// <summary>
    /// Runs the calls of <paramref name="move"/>, filling <c>{rK}</c> from earlier results of the
    /// move; returns the concrete events, or null when the model refuses the program (a call for a
    /// process that died in the move, say).
    /// </summary>
    public ImmutableArray<EventLine>? Apply(Move move)
    {
        var results = new List<string>(move.Calls.Length);
        var events = ImmutableArray.CreateBuilder<EventLine>(move.Calls.Length);
        try
        {
            foreach (var template in move.Calls)
            {
                var call = template;
                for (var k = 0; k < results.Count; k++)
                {
                    call = call.Replace($"{{r{(k + 1).ToString(CultureInfo.InvariantCulture)}}}", results[k], StringComparison.Ordinal);
                }

                var ev = EventCache.Get(move.Process, call);
                var step = Run(ev);
                results.Add(step.Outcome.Result is ValueResult v ? v.Value.ToString(CultureInfo.InvariantCulture) : "-1");
                events.Add(ev);
            }
        }
        catch (TraceException)
        {
            return null;
        }

        return events.MoveToImmutable();
    }

    private Step Run(EventLine ev)
    {
        var step = Simulator.RunEvent(Kernel, ev);
        var index = _events.Count;
        _events.Add(ev);
        _answers.Add(step.Answered);
        for (var i = 0; i < _monitors.Length; i++)
        {
            if (Violations[i] is null && _monitors[i].OnStep(Kernel, index, step) is { } reason)
            {
                Violations[i] = new Violation(index, reason);
            }
        }

        return step;
    }
}

/// <summary>A property's first violation in a run: the event (0-based) and why.</summary>
public sealed record Violation(int Step, string Reason);
