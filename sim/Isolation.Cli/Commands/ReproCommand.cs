using System.CommandLine;
using Isolation.Check.Counterexamples;

namespace Isolation.Cli.Commands;

/// <summary>
/// <c>isolation repro SCENARIO -o x.c</c>: writes a standalone C program that runs the scenario on
/// a real kernel and exits non-zero when the kernel does not answer as the scenario expects.
/// </summary>
internal static class ReproCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("SCENARIO") { Description = "A scenario with expected results (a counterexample from `isolation check`)." };
        var output = new Option<string?>("--output", "-o") { Description = "The C file to write (default: standard output)." };
        var command = new Command("repro", "Write a standalone C program (gcc -static) that reproduces a scenario on a real kernel.") { file, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (CliFiles.TryRead(path, stderr) is null)
            {
                return 2;
            }

            var runner = CRepro.FindRunnerSources(Directory.GetCurrentDirectory()) ?? CRepro.FindRunnerSources(AppContext.BaseDirectory);
            if (runner is null)
            {
                stderr.WriteLine("isolation repro: cannot find the runner's sources (sim/runner) above the current directory");
                return 2;
            }

            var source = CRepro.Generate(File.ReadAllText(path), Path.GetFileName(path), runner);
            if (parse.GetValue(output) is { } target)
            {
                File.WriteAllText(target, source);
            }
            else
            {
                stdout.Write(source);
            }

            return 0;
        });
        return command;
    }
}
