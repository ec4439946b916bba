using Isolation.Model.Designs.RlimitNetwork;

namespace Isolation.Model.Tests.Designs.RlimitNetwork;

/// <summary>Every scenario in traces/spec/designs/rlimit-network replays against the rlimit-network module with the results the posting gives.</summary>
public sealed class RlimitNetworkScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(RlimitNetworkDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(RlimitNetworkDesign.Name, name);
}
