using Isolation.Model.Designs.PrctlNetworkLsm;

namespace Isolation.Model.Tests.Designs.PrctlNetworkLsm;

/// <summary>Every scenario in traces/spec/designs/prctl-network-lsm-fixed replays against the fixed variant.</summary>
public sealed class PrctlNetworkLsmFixedScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(PrctlNetworkLsmFixedDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(PrctlNetworkLsmFixedDesign.Name, name);
}
