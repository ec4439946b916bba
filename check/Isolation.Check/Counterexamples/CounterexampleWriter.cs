using System.Globalization;
using Isolation.Properties;
using Isolation.Sim.Replay;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Counterexamples;

/// <summary>
/// Writes a counterexample as a scenario in the shared format — headers saying which property it
/// breaks, where and why, then the program with the model's answers as expectations — and checks
/// it before anyone sees it: the simulator must replay the file with no mismatch and the property
/// must fail on it at the same event.
/// </summary>
public static class CounterexampleWriter
{
    /// <summary>The file name for a property's counterexample: <c>prctl-network-lsm--no-network-channel.trace</c>.</summary>
    public static string FileName(Property property) => property.Id.Replace("/", "--", StringComparison.Ordinal) + ".trace";

    /// <summary>The scenario text, verified.</summary>
    public static string Write(Counterexample cx)
    {
        var text = Render(cx);
        Verify(text, cx);
        return text;
    }

    private static string Render(Counterexample cx)
    {
        var universe = cx.Universe;
        var path = FileName(cx.Property);
        var headers = new List<(string Key, string Value)>
        {
            (Simulator.MagicKey, "1"),
            ("scenario", Path.GetFileNameWithoutExtension(path)),
            ("design", universe.DesignSpec),
        };
        if (universe.Setup != "host")
        {
            headers.Add(("setup", universe.Setup));
        }

        if (universe.User != 0)
        {
            headers.Add(("user", universe.User.ToString(CultureInfo.InvariantCulture)));
        }

        headers.Add(("property", cx.Property.Id));
        headers.Add(("claim", OneLine(cx.Property.Quote)));
        headers.Add(("source", cx.Property.Source));
        headers.Add(("violation", $"event {(cx.Violation.Step + 1).ToString(CultureInfo.InvariantCulture)}: {OneLine(cx.Violation.Reason)}"));
        headers.Add(("found-by", $"isolation check ({universe.Describe()})"));
        var lines = headers.Select(h => (TraceLine)new HeaderLine(h.Key, h.Value, new SourceSpan(path, 0, 0))).Concat(cx.Events);
        var answered = Simulator.Run(new TraceFile(path, [.. lines])).Trace;
        return TracePrinter.Print(answered);
    }

    /// <summary>Replays the written file and re-checks the property; throws if either disagrees with the search.</summary>
    private static void Verify(string text, Counterexample cx)
    {
        var file = TraceParser.Parse(text, FileName(cx.Property));
        var replay = Replayer.Replay(file);
        if (!replay.Passed)
        {
            throw new InvalidOperationException($"counterexample for {cx.Property.Id} does not replay: {replay.Error?.ToString() ?? string.Join("; ", replay.Mismatches)}");
        }

        var verdict = PropertyRun.Check(file, [cx.Property]).Single().Verdict;
        if (verdict.Holds || verdict.Step != cx.Violation.Step)
        {
            throw new InvalidOperationException($"counterexample for {cx.Property.Id} does not break it at event {cx.Violation.Step + 1} when re-run (verdict: {(verdict.Holds ? "holds" : $"event {verdict.Step + 1}")})");
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
