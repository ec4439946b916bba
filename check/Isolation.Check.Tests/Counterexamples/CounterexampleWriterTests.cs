using Isolation.Check.Counterexamples;
using Isolation.Check.Explore;
using Isolation.Check.Universe;
using Isolation.Properties;
using Isolation.Sim.Replay;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Tests.Counterexamples;

/// <summary>A written counterexample is a scenario the simulator replays, naming the property and the violating event.</summary>
public sealed class CounterexampleWriterTests
{
    [Fact]
    public void Written_ReplaysWithoutMismatch_AndNamesPropertyAndEvent()
    {
        var universe = ProgramUniverse.For("nosuid-unshare", 4, 2, user: 1000);
        var result = new Explorer(universe, PropertyCatalog.ForDesigns(["nosuid-unshare"])).Run();
        var cx = result.Outcomes.Single(o => !o.Holds).Counterexample!;

        var text = CounterexampleWriter.Write(cx);

        var file = TraceParser.Parse(text, "cx.trace");
        Assert.True(Replayer.Replay(file).Passed);
        Assert.Equal("nosuid-unshare/no-network-channel-out", file.HeaderValue("property"));
        Assert.Equal("1000", file.HeaderValue("user"));
        Assert.StartsWith("event 4:", file.HeaderValue("violation"), StringComparison.Ordinal);
        Assert.Equal("nosuid-unshare--no-network-channel-out.trace", CounterexampleWriter.FileName(cx.Property));
    }
}
