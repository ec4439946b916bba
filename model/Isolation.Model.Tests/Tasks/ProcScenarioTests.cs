namespace Isolation.Model.Tests.Tasks;

/// <summary>Every scenario in traces/spec/proc replays against the model with the results it expects (each was checked on a real kernel).</summary>
public sealed class ProcScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => SpecFolder.Files("proc");

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => SpecFolder.AssertReplays(SpecFolder.Read("proc", name));

    [Fact]
    public void Corpus_HasAtLeast24Scenarios() => Assert.True(Files().Count >= 24, $"{Files().Count} scenarios");
}
