using System.Text;
using System.Text.RegularExpressions;

namespace Isolation.Check.Counterexamples;

/// <summary>
/// Turns a scenario into one standalone C file that runs it on the kernel it is run on and exits
/// non-zero unless the kernel answers every line as the scenario expects: the project's runner
/// (sim/runner) joined into a single translation unit, in expectation mode (<c>-x</c>), with the
/// scenario built in. It compiles with <c>gcc -static</c> alone.
/// </summary>
public static partial class CRepro
{
    /// <summary>Makes the C source for <paramref name="scenarioText"/> (named <paramref name="scenarioName"/> in comments) from the runner sources in <paramref name="runnerDir"/>.</summary>
    public static string Generate(string scenarioText, string scenarioName, string runnerDir)
    {
        var makefile = File.ReadAllText(Path.Combine(runnerDir, "Makefile"));
        var headers = MakeList(makefile, "HDRS");
        var sources = MakeList(makefile, "SRCS");
        var c = new StringBuilder();
        c.Append("/*\n * Reproducer for ").Append(scenarioName).Append(", written by `isolation repro`.\n");
        c.Append(" * Build:  gcc -static -O2 -o repro THIS_FILE.c\n");
        c.Append(" * Run:    ./repro        (as root: it makes namespaces and mounts a private /tmp)\n");
        c.Append(" * Exit:   0 the kernel answered every line as below; 1 it answered one differently (stderr\n");
        c.Append(" *         names the line); 2 bad input; 3 runner error; 4 setup unavailable.\n");
        c.Append(" * It is the project's scenario runner (sim/runner) in one file, run with -x on this scenario:\n *\n");
        foreach (var line in scenarioText.Split('\n').Where(l => l.Length > 0))
        {
            c.Append(" *   ").Append(line.Replace("*/", "* /", StringComparison.Ordinal)).Append('\n');
        }

        c.Append(" */\n#ifndef _GNU_SOURCE\n#define _GNU_SOURCE\n#endif\n");
        foreach (var file in headers.Concat(sources))
        {
            c.Append("\n/* ---- sim/runner/").Append(file).Append(" ---- */\n");
            if (file == "main.c")
            {
                c.Append("#define main runner_main\n");
            }

            foreach (var line in File.ReadAllLines(Path.Combine(runnerDir, file)))
            {
                if (!LocalInclude().IsMatch(line))
                {
                    c.Append(line).Append('\n');
                }
            }

            if (file == "main.c")
            {
                c.Append("#undef main\n");
            }
        }

        c.Append("\n/* ---- the scenario, and the reproducer's entry ---- */\n#include <sys/mman.h>\n\nstatic const char scenario[] =\n");
        foreach (var line in scenarioText.Split('\n').Where(l => l.Length > 0))
        {
            c.Append("\t\"").Append(CString(line)).Append("\\n\"\n");
        }

        c.Append(";\n\nint main(int argc, char **argv)\n{\n");
        c.Append("\tif (argc > 1) /* a worker, or the runner re-executing itself */\n\t\treturn runner_main(argc, argv);\n");
        c.Append("\tint fd = memfd_create(\"").Append(CString(scenarioName)).Append("\", 0);\n");
        c.Append("\tif (fd < 0 || write(fd, scenario, sizeof scenario - 1) != (ssize_t)(sizeof scenario - 1)) {\n");
        c.Append("\t\tperror(\"repro: memfd\");\n\t\treturn EXIT_RUNNER;\n\t}\n");
        c.Append("\tchar path[64];\n\tsnprintf(path, sizeof path, \"/proc/self/fd/%d\", fd);\n");
        c.Append("\tchar *args[] = { argv[0], \"-x\", path, NULL };\n\treturn runner_main(3, args);\n}\n");
        return c.ToString();
    }

    /// <summary>The files a Makefile variable lists (<c>SRCS = a.c b.c \</c> and continuation lines).</summary>
    private static List<string> MakeList(string makefile, string name)
    {
        var match = Regex.Match(makefile, $@"^{name}\s*=\s*((?:[^\n]*\\\n)*[^\n]*)", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new InvalidOperationException($"sim/runner/Makefile has no {name} list");
        }

        return [.. match.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static string CString(string text)
    {
        var s = new StringBuilder();
        foreach (var ch in text)
        {
            s.Append(ch switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\t' => "\\t",
                _ when ch < 0x20 || ch > 0x7e => string.Concat(Encoding.UTF8.GetBytes(ch.ToString()).Select(b => "\\" + Convert.ToString(b, 8).PadLeft(3, '0'))),
                _ => ch.ToString(),
            });
        }

        return s.ToString();
    }

    [GeneratedRegex("^\\s*#\\s*include\\s+\"")]
    private static partial Regex LocalInclude();

    /// <summary>The runner's source folder: sim/runner in the first ancestor of <paramref name="start"/> that has one, or null.</summary>
    public static string? FindRunnerSources(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "sim", "runner");
            if (File.Exists(Path.Combine(candidate, "Makefile")) && File.Exists(Path.Combine(candidate, "main.c")))
            {
                return candidate;
            }
        }

        return null;
    }
}
