using Isolation.Model.Designs.SocketTable;

namespace Isolation.Model.Tests.Designs.SocketTable;

/// <summary>Every scenario in traces/spec/designs/socket-table replays against the socket-table module with the results the proposal gives.</summary>
public sealed class SocketTableScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(SocketTableDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(SocketTableDesign.Name, name);
}
