using System.Runtime.CompilerServices;
using Isolation.Sim.Replay;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Designs;

/// <summary>The scenario folder of one design, traces/spec/designs/&lt;design&gt;: its files by name, and their replay.</summary>
internal static class DesignScenarioFolder
{
    /// <summary>The names (without .trace) of the design's scenario files, in order.</summary>
    public static TheoryData<string> Files(string design)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder(design), "*.trace").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary>Parses the design's scenario <paramref name="name"/>.</summary>
    public static TraceFile Read(string design, string name) => TraceParser.ReadFile(Path.Combine(Folder(design), name + ".trace"));

    /// <summary>Replays the scenario and fails the test with every mismatch the model reports.</summary>
    public static void AssertReplays(string design, string name)
    {
        var trace = Read(design, name);
        Assert.Equal(design, trace.HeaderValue("design"));
        var result = Replayer.Replay(trace);
        Assert.True(result.Passed, string.Join("\n", result.Mismatches.Select(m => m.ToString()).Append(result.Error?.ToString() ?? string.Empty)));
    }

    /// <summary>
    /// traces/spec/designs/&lt;design&gt; of the repository: found above the test binaries, or, when
    /// they were built elsewhere (<c>--artifacts-path</c>), above this source file.
    /// </summary>
    public static string Folder(string design)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, ThisFile() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Isolation.Model.sln")))
                {
                    return Path.Combine(dir.FullName, "traces", "spec", "designs", design);
                }
            }
        }

        throw new DirectoryNotFoundException("no Isolation.Model.sln above " + AppContext.BaseDirectory + " or " + ThisFile());
    }

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
