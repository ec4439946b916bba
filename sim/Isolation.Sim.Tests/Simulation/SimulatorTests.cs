using Isolation.Sim.Simulation;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Tests.Simulation;

public sealed class SimulatorTests
{
    [Fact]
    public void Run_AnswersEveryEventAndKeepsComments()
    {
        var scenario = Scenarios.Parse(
            "# scenario: two-sockets",
            "p1 socket(AF_UNIX, SOCK_STREAM, 0) = ?  # first",
            "",
            "p1 socket(AF_UNIX, SOCK_DGRAM, 0) = ?");

        var result = Simulator.Run(scenario);

        Assert.Equal(
            "# isolation-trace 1\n# scenario: two-sockets\n# design: baseline\np1 socket(AF_UNIX, SOCK_STREAM, 0) = 3 # first\n\np1 socket(AF_UNIX, SOCK_DGRAM, 0) = 4\n",
            TracePrinter.Print(result.Trace));
    }

    [Fact]
    public void Run_ForkNamesTheChildAndTheChildRunsItsOwnEvents()
    {
        var scenario = Scenarios.Parse(
            "p1 fork() = p2",
            "p2 socket(AF_UNIX, SOCK_STREAM, 0) = ?");

        var steps = Simulator.Run(scenario).Steps;

        Assert.Equal("p2", Assert.IsType<ProcessResult>(steps[0].Outcome.Result).Process);
        Assert.Equal(3, Assert.IsType<ValueResult>(steps[1].Outcome.Result).Value);
    }

    [Fact]
    public void Run_EventOfAnExitedProcess_IsAnErrorAtItsLine()
    {
        var scenario = Scenarios.Parse(
            "p1 fork() = p2",
            "p2 exit_group(0) = ?",
            "p2 socket(AF_UNIX, SOCK_STREAM, 0) = 3");

        var error = Assert.Throws<TraceException>(() => Simulator.Run(scenario));

        Assert.Equal(4, error.Diagnostic.Span.Line);
        Assert.Contains("p2 has exited", error.Diagnostic.Message);
    }

    [Fact]
    public void Run_UnknownCall_IsAnErrorNamingTheCall()
    {
        var scenario = Scenarios.Parse("p1 frobnicate(1) = 0");

        var error = Assert.Throws<TraceException>(() => Simulator.Run(scenario));

        Assert.Equal(2, error.Diagnostic.Span.Line);
        Assert.Contains("unknown call 'frobnicate'", error.Diagnostic.Message);
    }

    [Fact]
    public void Run_DesignOverride_ReplacesTheHeader()
    {
        var scenario = Scenarios.Parse("# design: nosuch", "p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3");

        var result = Simulator.Run(scenario, "baseline");

        Assert.Equal("baseline", result.Trace.HeaderValue("design"));
    }

    [Fact]
    public void Run_UserHeader_StartsP1AsThatUserWithoutCapabilities()
    {
        var scenario = Scenarios.Parse("# user: 1000", "p1 socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) = ?");

        var result = Simulator.Run(scenario);

        Assert.Equal(Errno.EPERM, Assert.IsType<ErrorResult>(result.Steps[0].Outcome.Result).Errno);
    }
}
