using Isolation.Model.Designs.PrctlNetworkLsm;

namespace Isolation.Model.Tests.Designs.PrctlNetworkLsm;

/// <summary>Every scenario in traces/spec/designs/prctl-network-lsm replays against the prctl-network-lsm module with the results the posting gives.</summary>
public sealed class PrctlNetworkLsmScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(PrctlNetworkLsmDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(PrctlNetworkLsmDesign.Name, name);
}
