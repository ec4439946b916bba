using System.Diagnostics;
using System.Text;
using Isolation.Sim.Replay;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Tests.Replay;

public sealed class ReplaySpeedTests
{
    /// <summary>A 10,000-event trace: sockets made, connected and closed by two processes.</summary>
    internal static string TenThousandEvents()
    {
        var text = new StringBuilder("# isolation-trace 1\np1 fork() = p2\n");
        for (var i = 0; i < 3333; i++)
        {
            text.Append("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0\n");
            text.Append("p1 close(3) = 0\n");
            text.Append("p1 close(4) = 0\n");
        }

        return text.ToString();
    }

    [Fact]
    public void ParsingAndReplayingTenThousandEvents_TakesUnderASecond()
    {
        var text = TenThousandEvents();
        Replayer.Replay(TraceParser.Parse(text, "warmup.trace"));

        var clock = Stopwatch.StartNew();
        var result = Replayer.Replay(TraceParser.Parse(text, "speed.trace"));
        clock.Stop();

        Assert.True(result.Passed, string.Join("\n", result.Mismatches));
        Assert.Equal(10_000, result.Events);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds} ms");
    }
}
