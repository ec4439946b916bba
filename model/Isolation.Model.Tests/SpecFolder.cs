using System.Runtime.CompilerServices;
using Isolation.Sim.Replay;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests;

/// <summary>
/// A folder of hand-written scenarios under traces/spec (<c>net</c>, <c>designs/bsdjail</c>, …): its
/// files by name, and their replay against the model. Every scenario test class reads through it.
/// </summary>
internal static class SpecFolder
{
    /// <summary>The names (without .trace) of the folder's scenario files, in ordinal order.</summary>
    public static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(PathOf(folder), "*.trace").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary>Parses scenario <paramref name="name"/> of <paramref name="folder"/>.</summary>
    public static TraceFile Read(string folder, string name) => TraceParser.ReadFile(Path.Combine(PathOf(folder), name + ".trace"));

    /// <summary>Replays a scenario and fails the test with every mismatch or error the model reports.</summary>
    public static void AssertReplays(TraceFile trace)
    {
        var result = Replayer.Replay(trace);
        Assert.True(result.Passed, string.Join("\n", result.Mismatches.Select(m => m.ToString()).Append(result.Error?.ToString() ?? string.Empty)));
    }

    /// <summary>
    /// traces/spec/<paramref name="folder"/> of the repository: found above the test binaries or, when
    /// they were built elsewhere (<c>--artifacts-path</c>), above this source file.
    /// </summary>
    public static string PathOf(string folder)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, ThisFile() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Isolation.Model.sln")))
                {
                    return Path.Combine([dir.FullName, "traces", "spec", .. folder.Split('/')]);
                }
            }
        }

        throw new DirectoryNotFoundException("no Isolation.Model.sln above " + AppContext.BaseDirectory + " or " + ThisFile());
    }

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
