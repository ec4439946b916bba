using System.CommandLine;
using Isolation.Cli.Commands;

namespace Isolation.Cli;

/// <summary>
/// The <c>isolation</c> command: each verb is one file under Commands/. Exit codes: 0 success,
/// 1 a check failed (a mismatch), 2 bad input (usage, unreadable or malformed file).
/// </summary>
public static class Program
{
    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args) => Invoke(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output streams (tests use this).</summary>
    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Isolation.Model: a model of Linux process and network isolation designs, their hooks and their holes.");
        root.Subcommands.Add(DesignsCommand.Create(stdout));
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReplayCommand.Create(stdout, stderr));
        root.Subcommands.Add(PropertiesCommand.Create(stdout, stderr));
        root.Subcommands.Add(CaptureCommand.Create(stdout, stderr));
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReproCommand.Create(stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr));
        root.Subcommands.Add(ProveCommand.Create(stdout, stderr));
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(config);
    }
}
