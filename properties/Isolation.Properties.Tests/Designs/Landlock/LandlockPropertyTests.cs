using Isolation.Model.Designs.Landlock;
using Isolation.Properties.Designs.Landlock;

namespace Isolation.Properties.Tests.Designs.Landlock;

/// <summary>landlock.rst's claims hold on every landlock scenario: Linux enforces what the documentation says.</summary>
public sealed class LandlockPropertyTests
{
    private const string Design = LandlockDesign.Name;

    /// <summary>The scenario files of traces/spec/designs/landlock, by name.</summary>
    public static TheoryData<string> Files() => Model.Tests.SpecFolder.Files("designs/" + Design);

    /// <summary>The scenario in which data still flows over a datagram socket connected before the scope applied.</summary>
    private const string ConnectedBeforeScope = "abstract-scope-dgram";

    [Theory]
    [MemberData(nameof(Files))]
    public void Claims_HoldOnEveryScenario_ButTheConnectedDatagramOne(string scenario)
    {
        if (scenario != ConnectedBeforeScope)
        {
            SpecScenarios.AssertAllHold(Design, scenario, LandlockProperties.All);
        }
    }

    [Fact]
    public void ADatagramSocketConnectedBeforeTheScope_KeepsAChannelOut() =>
        // landlock.rst: "if the domain is scoped after the socket is connected, it can still send(2)
        // data just like a stream socket": the scope stops new connections, not old channels.
        SpecScenarios.AssertViolated(Design, ConnectedBeforeScope, LandlockProperties.All, "landlock/abstract-unix-scope");

    [Fact]
    public void EachClaim_IsMadeForBothReleases()
    {
        Assert.Equal(5, LandlockProperties.All.Length);
        Assert.Equal(
            LandlockProperties.All.Select(p => p.Id.Replace(Design + "/", string.Empty, StringComparison.Ordinal)),
            LandlockProperties.Linux618.Select(p => p.Id.Replace(Landlock618Design.Name + "/", string.Empty, StringComparison.Ordinal)));
    }
}
