using Isolation.Model.Designs.Landlock;

namespace Isolation.Model.Tests.Designs.Landlock;

/// <summary>Every scenario in traces/spec/designs/landlock replays against the landlock module with the results 6.12 gives.</summary>
public sealed class LandlockScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(LandlockDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(LandlockDesign.Name, name);
}
