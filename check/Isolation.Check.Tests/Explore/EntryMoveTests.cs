using Isolation.Check.Explore;
using Isolation.Check.Universe;
using Isolation.Model.Designs;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Tests.Explore;

/// <summary>
/// Every design's entry moves run in the model as root, every call succeeding, after the design's
/// shared moves declared before them (the group or container a join needs).
/// </summary>
public sealed class EntryMoveTests
{
    public static TheoryData<string, string> Moves()
    {
        var data = new TheoryData<string, string>();
        foreach (var design in DesignCatalog.All)
        {
            foreach (var move in design.Entry)
            {
                data.Add(design.Name, move.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void EntryMove_RunsAndEveryCallSucceeds(string design, string move)
    {
        var universe = ProgramUniverse.For(design);
        var run = ProgramRun.Start(universe, []);
        var moves = DesignCatalog.Find(design)!.Entry;
        var entry = moves.Single(m => m.Name == move);
        foreach (var shared in moves.TakeWhile(m => m != entry).Where(m => m.Shared))
        {
            run.Apply(new Move("p1", CallFamilies.Entry, shared.Calls, Local: false));
        }

        var before = run.Events.Count;
        var events = run.Apply(new Move("p1", CallFamilies.Entry, entry.Calls, Local: false));

        Assert.NotNull(events);
        Assert.Equal(entry.Calls.Length, events.Value.Length);
        var header = new HeaderLine("design", design, SourceSpan.None);
        var trace = Isolation.Sim.Simulation.Simulator.Run(new TraceFile("entry", [header, .. run.Events])).Trace;
        Assert.All(trace.Lines.OfType<EventLine>(), e => Assert.IsNotType<ErrorResult>(e.Result));
        Assert.Equal(before + entry.Calls.Length, run.Events.Count);
    }
}
