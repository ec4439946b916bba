using Isolation.Model.Designs.Bsdjail;

namespace Isolation.Model.Tests.Designs.Bsdjail;

/// <summary>Every scenario in traces/spec/designs/bsdjail replays against the bsdjail module with the results the patch gives.</summary>
public sealed class BsdjailScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(BsdjailDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(BsdjailDesign.Name, name);
}
