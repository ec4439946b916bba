using Isolation.Sim.Replay;

namespace Isolation.Sim.Tests.Replay;

public sealed class ReplayerTests
{
    [Fact]
    public void AgreeingTrace_Passes()
    {
        var result = Replayer.Replay(Scenarios.Parse(
            "p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3",
            "p1 close(3) = 0",
            "p1 close(3) = -1 EBADF (Bad file descriptor)"));

        Assert.True(result.Passed);
        Assert.Equal(3, result.Events);
    }

    [Fact]
    public void WrongErrno_IsReportedWithPlaceCallAndBothAnswers()
    {
        var result = Replayer.Replay(Scenarios.Parse(
            "p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3",
            "p1 close(7) = -1 EPERM (Operation not permitted)"));

        var mismatch = Assert.Single(result.Mismatches);
        Assert.Equal(
            "test.trace:3:1: mismatch: p1 close: trace says = -1 EPERM (Operation not permitted), model says = -1 EBADF (Bad file descriptor)",
            mismatch.ToString());
    }

    [Fact]
    public void WrongOutputArgument_IsReported()
    {
        var result = Replayer.Replay(Scenarios.Parse("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [4, 3]) = 0"));

        var mismatch = Assert.Single(result.Mismatches);
        Assert.Equal("argument 4 [4, 3]", mismatch.Expected);
        Assert.Equal("argument 4 [3, 4]", mismatch.Actual);
    }

    [Fact]
    public void UnknownExpectedResult_ChecksNothing()
    {
        var result = Replayer.Replay(Scenarios.Parse("p1 close(9) = ?"));

        Assert.True(result.Passed);
    }

    [Fact]
    public void InputError_IsReportedNotThrown()
    {
        var result = Replayer.Replay(Scenarios.Parse("p1 frobnicate() = 0"));

        Assert.False(result.Passed);
        Assert.Contains("unknown call", result.Error!.Message);
    }
}
