namespace Isolation.Model.Tests.Fs;

/// <summary>Every scenario in traces/spec/fs replays against the model with the results it expects (each was checked on a real kernel).</summary>
public sealed class FsScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => SpecFolder.Files("fs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => SpecFolder.AssertReplays(SpecFolder.Read("fs", name));

    [Fact]
    public void Corpus_HasAtLeast20Scenarios() => Assert.True(Files().Count >= 20, $"{Files().Count} scenarios");
}
