using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Tests.Simulation;

public sealed class RunEnvironmentTests
{
    [Fact]
    public void NoHeaders_MeanBaselineOnTheHostAsRoot()
    {
        var env = RunEnvironment.FromHeader(Scenarios.Parse("p1 getuid() = 0"), null);

        Assert.Equal(("baseline", "host", 0), (env.DesignSpec, env.Setup, env.User));
    }

    [Theory]
    [InlineData("# design: nosuch", "unknown design 'nosuch'")]
    [InlineData("# setup: mars", "unknown setup 'mars'")]
    [InlineData("# user: root", "bad user 'root'")]
    public void BadHeader_IsAnErrorAtTheHeaderLine(string header, string message)
    {
        var error = Assert.Throws<TraceException>(() => RunEnvironment.FromHeader(Scenarios.Parse(header, "p1 getuid() = 0"), null));

        Assert.Equal(2, error.Diagnostic.Span.Line);
        Assert.Contains(message, error.Diagnostic.Message);
    }

    [Fact]
    public void StackedDesignSpec_ResolvesEveryPart()
    {
        var env = RunEnvironment.FromHeader(Scenarios.Parse("p1 getuid() = 0"), "baseline+baseline");

        Assert.Equal(2, env.Designs.Length);
    }
}
