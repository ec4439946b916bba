using System.Diagnostics;
using Isolation.Traces.Syntax;
using Xunit.Abstractions;

namespace Isolation.Traces.Tests;

/// <summary>
/// Random mutations (character flips, deletions, insertions, duplications, truncations) of valid
/// traces either parse, and then print to a fixed point, or fail with a <see cref="TraceException"/>:
/// never another exception, never a hang. Seed from ISOLATION_FUZZ_SEED or fixed, and logged.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private static readonly string[] Snippets =
    [
        "{", "}", "[", "]", "(", ")", "\"", "\\", "#", ",", "=", "|", "~", "&", "@", "...", "-", "0x", "077", "9", "p", "p0", "p9 ",
        " ", "\t", "\n", "\r", "<", ">", "/*", "*/", "=>", "&&", "==", "*", "<unfinished ...>", "<... read resumed>", "+++ ", "--- ", "[pid 7] ",
        "= -1 EPERM", "= ?", "= p2", "\\x4", "\\400", "é", "\ud800", "\0", "\u0001", "-1 EFOO", "12:00:00.1 ", "<0.1>",
    ];

    [Fact]
    public void MutatedTraces_ParseOrFailWithTraceException()
    {
        ulong seed = FuzzSeed.Get();
        output.WriteLine($"fuzz seed {seed} (set ISOLATION_FUZZ_SEED to replay)");
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var corpus = Corpus();
        var watch = Stopwatch.StartNew();
        int runs = 0, accepted = 0;
        while (watch.Elapsed < Budget)
        {
            var (text, ours) = corpus[random.Next(corpus.Count)];
            string mutated = Mutate(text, random);
            var single = Stopwatch.StartNew();
            if (Check(mutated, ours, runs))
            {
                accepted++;
            }

            Assert.True(single.ElapsedMilliseconds < 1000, $"run {runs} took {single.ElapsedMilliseconds} ms");
            runs++;
        }

        output.WriteLine($"{runs} mutated inputs, {accepted} accepted");
        Assert.True(runs > 100, $"only {runs} runs");
    }

    /// <summary>True if the input was accepted; throws if it failed any other way than a TraceException.</summary>
    private static bool Check(string text, bool ours, int run)
    {
        TraceFile file;
        try
        {
            file = TraceParser.Parse(text, "fuzz.trace");
        }
        catch (TraceException)
        {
            return false;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"run {run}: {e.GetType().Name} on input:\n{text}", e);
        }

        string printed = TracePrinter.Print(file);
        try
        {
            Assert.Equal(printed, TracePrinter.Print(TraceParser.Parse(printed, "printed.trace")));
        }
        catch (TraceException e) when (!ours && e.Message.Contains("unknown process", StringComparison.Ordinal))
        {
            // A raw trace may name a pid no visible fork created (see FORMAT.md, raw strace input).
        }

        return true;
    }

    private static string Mutate(string text, Random random)
    {
        int count = random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            int at = random.Next(text.Length + 1);
            string snippet = random.Next(4) == 0 ? ((char)random.Next(0, 128)).ToString() : Snippets[random.Next(Snippets.Length)];
            text = random.Next(6) switch
            {
                0 => text[..at] + snippet + text[Math.Min(text.Length, at + 1)..],
                1 => text[..at] + text[Math.Min(text.Length, at + random.Next(1, 40))..],
                2 => text[..at] + snippet + text[at..],
                3 => text[..at] + Slice(text, random) + text[at..],
                4 => text[..at],
                _ => text[..at] + string.Concat(Enumerable.Repeat(snippet, random.Next(1, 300))) + text[at..],
            };
        }

        return text;
    }

    private static string Slice(string text, Random random)
    {
        int start = random.Next(text.Length + 1);
        return text[start..Math.Min(text.Length, start + random.Next(1, 200))];
    }

    private static List<(string Text, bool Ours)> Corpus()
    {
        var corpus = new List<(string, bool)>
        {
            (FormatExampleTests.Example, true),
            (PrinterTests.AllForms, true),
            (FormatExampleTests.Example.Replace("\n", "\r\n", StringComparison.Ordinal), true),
        };
        foreach (string name in Fixtures.Names)
        {
            string text = Fixtures.Text(name);
            corpus.Add((text.Length > 8000 ? text[..8000] : text, false));
            corpus.Add((TracePrinter.Print(TraceParser.Parse(text, name)), true));
        }

        return corpus;
    }
}
