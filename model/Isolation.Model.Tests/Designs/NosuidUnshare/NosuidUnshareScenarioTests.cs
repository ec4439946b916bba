using Isolation.Model.Designs.NosuidUnshare;

namespace Isolation.Model.Tests.Designs.NosuidUnshare;

/// <summary>Every scenario in traces/spec/designs/nosuid-unshare replays against the nosuid-unshare module with the results the posting gives.</summary>
public sealed class NosuidUnshareScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(NosuidUnshareDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(NosuidUnshareDesign.Name, name);
}
