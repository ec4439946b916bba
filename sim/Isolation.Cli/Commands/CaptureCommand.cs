using System.CommandLine;
using System.Diagnostics;

namespace Isolation.Cli.Commands;

/// <summary>
/// <c>isolation capture SCENARIO... [--out DIR]</c>: runs scenarios on this machine's kernel through
/// the C runner (sim/runner) and writes the traces it prints, which carry a <c># kernel:</c> header.
/// </summary>
internal static class CaptureCommand
{
    /// <summary>The runner's exit code for a setup it cannot provide: the scenario is skipped.</summary>
    private const int SetupUnavailable = 4;

    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("SCENARIO") { Description = "Scenario files (or directories of *.scn and *.trace files).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "Directory for the captured traces (default: traces/host).", DefaultValueFactory = _ => new DirectoryInfo("traces/host") };
        var timeout = new Option<int>("--timeout", "-t") { Description = "Seconds a single event may take on the kernel.", DefaultValueFactory = _ => 2 };
        var command = new Command("capture", "Run scenarios on this machine's kernel with the C runner and store the traces.") { files, outDir, timeout };
        command.SetAction(parse =>
        {
            var runner = BuildRunner(stderr);
            if (runner is null)
            {
                return 2;
            }

            int captured = 0, skipped = 0, failed = 0;
            var dir = parse.GetValue(outDir)!;
            dir.Create();
            foreach (var path in Expand(parse.GetValue(files)!))
            {
                var (code, output, errors) = Exec(runner, ["-t", parse.GetValue(timeout).ToString(System.Globalization.CultureInfo.InvariantCulture), path]);
                if (code == 0)
                {
                    File.WriteAllText(Path.Combine(dir.FullName, Path.GetFileNameWithoutExtension(path) + ".trace"), output);
                    captured++;
                    stdout.WriteLine($"captured {path}");
                }
                else if (code == SetupUnavailable)
                {
                    skipped++;
                    stdout.WriteLine($"skipped  {path}: {errors.Trim()}");
                }
                else
                {
                    failed++;
                    stdout.WriteLine($"FAIL     {path}");
                    stderr.Write(errors);
                }
            }

            stdout.WriteLine($"{captured} captured, {skipped} skipped, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*.*", SearchOption.AllDirectories).Where(IsScenario).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[p]);

    private static bool IsScenario(string path) =>
        path.EndsWith(".scn", StringComparison.Ordinal) || path.EndsWith(".trace", StringComparison.Ordinal);

    /// <summary>Builds the runner with make (incremental) and returns its path, or null with the error written.</summary>
    private static string? BuildRunner(TextWriter stderr)
    {
        var root = RepositoryRoot();
        var (code, output, errors) = Exec("make", ["-s", "-C", Path.Combine(root, "sim", "runner")]);
        if (code != 0)
        {
            stderr.Write(output + errors);
            stderr.WriteLine("isolation capture: building the runner failed (it needs gcc and a static libc: scripts/setup installs them)");
            return null;
        }

        return Path.Combine(root, "sim", "runner", "runner");
    }

    /// <summary>The repository root: the nearest directory above the current one holding Isolation.Model.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Isolation.Model.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static (int Code, string Stdout, string Stderr) Exec(string program, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
