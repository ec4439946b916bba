using Isolation.Model.Designs.Bsdjail;
using Isolation.Properties.Designs.Bsdjail;

namespace Isolation.Properties.Tests.Designs.Bsdjail;

/// <summary>bsdjail's claims on its scenarios: they hold where the code does what its comments say, and one-address falls to the IPv4 "remap".</summary>
public sealed class BsdjailPropertyTests
{
    private const string Design = BsdjailDesign.Name;

    [Theory]
    [InlineData("exec-enters-jail")]
    [InlineData("kill-out-of-jail")]
    [InlineData("ptrace-out-of-jail")]
    [InlineData("ptrace-traceme")]
    [InlineData("nrtask-limit")]
    [InlineData("nrtask-reaped-child-frees-slot")]
    [InlineData("proc-pid-of-other-jail")]
    [InlineData("ipc-objects-of-jail")]
    [InlineData("unix-abstract-jail")]
    [InlineData("unix-socketpair-in-jail")]
    [InlineData("net-one-address")]
    [InlineData("net-ipv6-loopback-jail")]
    [InlineData("fork-before-exec-not-jailed")]
    public void Claims_HoldWhereTheCodeDoesWhatItsCommentsSay(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, BsdjailProperties.All);

    [Fact]
    public void BindToLoopbackOrAny_IsNotRemapped() =>
        SpecScenarios.AssertViolated(Design, "net-bind-any-and-loopback-hole", BsdjailProperties.All, "bsdjail/one-address");

    [Fact]
    public void Properties_AreAllBsdjails() =>
        Assert.All(BsdjailProperties.All, p => Assert.Equal(Design, p.Design));
}
