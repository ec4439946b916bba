using System.CommandLine;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Cli.Commands;

/// <summary><c>isolation run SCENARIO...</c>: runs scenarios against the model and prints its traces.</summary>
internal static class RunCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("SCENARIO") { Description = "Scenario files (or directories of *.trace files).", Arity = ArgumentArity.OneOrMore };
        var design = DesignOption.Create();
        var outDir = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write each trace to DIR/<name>.trace instead of standard output." };
        var command = new Command("run", "Run scenarios against the model and print the trace it answers with.") { files, design, outDir };
        command.SetAction(parse =>
        {
            var failed = false;
            foreach (var path in CliFiles.Expand(parse.GetValue(files)!))
            {
                failed |= !RunOne(path, parse.GetValue(design), parse.GetValue(outDir), stdout, stderr);
            }

            return failed ? 2 : 0;
        });
        return command;
    }

    private static bool RunOne(string path, string? design, DirectoryInfo? outDir, TextWriter stdout, TextWriter stderr)
    {
        var scenario = CliFiles.TryRead(path, stderr);
        if (scenario is null)
        {
            return false;
        }

        try
        {
            var text = TracePrinter.Print(Simulator.Run(scenario, design).Trace);
            if (outDir is null)
            {
                stdout.Write(text);
            }
            else
            {
                outDir.Create();
                File.WriteAllText(Path.Combine(outDir.FullName, Path.GetFileNameWithoutExtension(path) + ".trace"), text);
            }

            return true;
        }
        catch (TraceException e)
        {
            stderr.WriteLine(e.Diagnostic);
            return false;
        }
    }
}
