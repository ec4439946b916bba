using Isolation.Model.Designs.NetContainer;

namespace Isolation.Model.Tests.Designs.NetContainer;

/// <summary>Every scenario in traces/spec/designs/netcontainer replays against the posted module with the results the patch gives.</summary>
public sealed class NetContainerScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(NetContainerDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(NetContainerDesign.Name, name);
}
