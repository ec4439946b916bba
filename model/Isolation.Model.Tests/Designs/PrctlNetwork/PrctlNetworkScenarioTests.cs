using Isolation.Model.Designs.PrctlNetwork;

namespace Isolation.Model.Tests.Designs.PrctlNetwork;

/// <summary>Every scenario in traces/spec/designs/prctl-network replays against the prctl-network module with the results the posting gives.</summary>
public sealed class PrctlNetworkScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(PrctlNetworkDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(PrctlNetworkDesign.Name, name);
}
