using Isolation.Model.Designs.TaskLookup;

namespace Isolation.Model.Tests.Designs.TaskLookup;

/// <summary>Every scenario in traces/spec/designs/task-lookup replays against the task-lookup module.</summary>
public sealed class TaskLookupScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(TaskLookupDesign.Name);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(TaskLookupDesign.Name, name);
}
