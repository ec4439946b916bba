using System.Runtime.CompilerServices;
using Isolation.Sim.Replay;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Fs;

/// <summary>Every scenario in traces/spec/fs replays against the model with the results it expects (each was checked on a real kernel).</summary>
public sealed class FsScenarioTests
{
    /// <summary>The scenario files, by name.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder(), "*.trace").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name)
    {
        var result = Replayer.Replay(TraceParser.ReadFile(Path.Combine(Folder(), name + ".trace")));
        Assert.True(result.Passed, string.Join("\n", result.Mismatches.Select(m => m.ToString()).Append(result.Error?.ToString() ?? string.Empty)));
    }

    [Fact]
    public void TheCorpusHasAtLeastTwentyScenarios() => Assert.True(Files().Count >= 20);

    // The sources know where the repository is, wherever --artifacts-path puts the binaries.
    private static string Folder([CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Isolation.Model.sln")))
            {
                return Path.Combine(dir.FullName, "traces", "spec", "fs");
            }
        }

        throw new DirectoryNotFoundException("no Isolation.Model.sln above " + source);
    }
}
