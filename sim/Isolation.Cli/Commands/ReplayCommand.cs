using System.CommandLine;
using Isolation.Sim.Replay;

namespace Isolation.Cli.Commands;

/// <summary>
/// <c>isolation replay TRACE...</c>: replays traces against the model, prints every mismatch,
/// and ends with exactly <c>N passed, N failed</c> counting files. Exit 1 on any failure.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("TRACE") { Description = "Trace files (or directories of *.trace files).", Arity = ArgumentArity.OneOrMore };
        var design = DesignOption.Create();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only failures and the summary line." };
        var command = new Command("replay", "Replay traces against the model and report every line where it answers differently.") { files, design, quiet };
        command.SetAction(parse =>
        {
            int passed = 0, failed = 0;
            foreach (var path in CliFiles.Expand(parse.GetValue(files)!))
            {
                var ok = ReplayOne(path, parse.GetValue(design), parse.GetValue(quiet), stdout);
                passed += ok ? 1 : 0;
                failed += ok ? 0 : 1;
            }

            stdout.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static bool ReplayOne(string path, string? design, bool quiet, TextWriter stdout)
    {
        var trace = CliFiles.TryRead(path, stdout);
        if (trace is null)
        {
            stdout.WriteLine($"FAIL {path}");
            return false;
        }

        var result = Replayer.Replay(trace, design);
        if (result.Error is not null)
        {
            stdout.WriteLine(result.Error);
        }

        foreach (var mismatch in result.Mismatches)
        {
            stdout.WriteLine(mismatch);
        }

        if (!result.Passed)
        {
            stdout.WriteLine($"FAIL {path}");
        }
        else if (!quiet)
        {
            stdout.WriteLine($"ok   {path} ({result.Events} events)");
        }

        return result.Passed;
    }
}
