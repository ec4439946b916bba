using Isolation.Check.Explore;
using Isolation.Check.Universe;
using Isolation.Model.Designs;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Tests.Explore;

/// <summary>Every design's entry moves run in the model as root from the start, every call succeeding.</summary>
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
        var entry = DesignCatalog.Find(design)!.Entry.Single(m => m.Name == move);
        if (entry.Name.StartsWith("join", StringComparison.Ordinal) || entry.Name.StartsWith("filter", StringComparison.Ordinal))
        {
            // joining and filtering need the group the design's make move creates first
            run.Apply(new Move("p1", CallFamilies.Entry, DesignCatalog.Find(design)!.Entry.First(m => m.Name.StartsWith("make", StringComparison.Ordinal)).Calls, Local: false));
        }

        var events = run.Apply(new Move("p1", CallFamilies.Entry, entry.Calls, Local: false));

        Assert.NotNull(events);
        Assert.Equal(entry.Calls.Length, events.Value.Length);
        var header = new HeaderLine("design", design, SourceSpan.None);
        var trace = Isolation.Sim.Simulation.Simulator.Run(new TraceFile("entry", [header, .. run.Events])).Trace;
        Assert.All(trace.Lines.OfType<EventLine>(), e => Assert.IsNotType<ErrorResult>(e.Result));
    }
}
