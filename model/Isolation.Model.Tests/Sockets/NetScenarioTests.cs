namespace Isolation.Model.Tests.Sockets;

/// <summary>Every scenario in traces/spec/net replays against the model with the results it expects (each was checked on a real kernel).</summary>
public sealed class NetScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files() => SpecFolder.Files("net");

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => SpecFolder.AssertReplays(SpecFolder.Read("net", name));

    [Fact]
    public void Corpus_HasAtLeast24Scenarios() => Assert.True(Files().Count >= 24, $"{Files().Count} scenarios");
}
