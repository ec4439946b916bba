using System.Runtime.CompilerServices;
using Isolation.Sim.Replay;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Sockets;

/// <summary>Every scenario in traces/spec/net replays against the baseline model with the results written (checked on 6.18 where the file says so).</summary>
public sealed class NetScenarioTests
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
        var trace = TraceParser.ReadFile(Path.Combine(Folder(), name + ".trace"));
        var result = Replayer.Replay(trace);
        Assert.True(result.Passed, string.Join("\n", result.Mismatches.Select(m => m.ToString()).Append(result.Error?.ToString() ?? string.Empty)));
    }

    [Fact]
    public void Corpus_HasAtLeast24Scenarios() => Assert.True(Files().Count >= 24, $"{Files().Count} scenarios");

    /// <summary>traces/spec/net, found above the test binaries or above this source file.</summary>
    private static string Folder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, ThisFile() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Isolation.Model.sln")))
                {
                    return Path.Combine(dir.FullName, "traces", "spec", "net");
                }
            }
        }

        throw new DirectoryNotFoundException("no Isolation.Model.sln above " + AppContext.BaseDirectory);
    }

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
