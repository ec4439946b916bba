using Isolation.Model.Designs.Netns;

namespace Isolation.Model.Tests.Designs.Netns;

/// <summary>Every scenario in traces/spec/designs/netns replays against the model's network namespaces (no module).</summary>
public sealed class NetnsScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(NetnsDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(NetnsDesign.Name, name);

    [Fact]
    public void Design_StacksNoModule() => Assert.Empty(Isolation.Model.Designs.DesignCatalog.CreateModules([NetnsDesign.Design]));
}
