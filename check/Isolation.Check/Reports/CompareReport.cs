using System.Globalization;
using System.Net;
using System.Text;
using Isolation.Model.Kernel;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Reports;

/// <summary>
/// The comparison researchers read: designs × their claims, each cell "holds to the bound" or
/// "violated" with its counterexample, and for each pair of designs a shortest program on which
/// they answer differently; as Markdown, or as HTML that draws each counterexample's processes and
/// channels as an SVG graph.
/// </summary>
public sealed class CompareReport(IReadOnlyList<DesignCheck> checks, IReadOnlyList<(string First, string Second, Difference? Difference, string? File)> differences, string bounds)
{
    /// <summary>The report in Markdown; links are relative to <paramref name="baseDir"/>.</summary>
    public string Markdown(string baseDir)
    {
        var md = new StringBuilder();
        md.Append("# Isolation designs compared\n\n").Append(bounds).Append("\n\n");
        md.Append("| design | property | verdict |\n| --- | --- | --- |\n");
        foreach (var c in checks)
        {
            foreach (var o in c.Outcomes)
            {
                var verdict = o.Holds
                    ? $"holds to depth {c.DepthCompleted}"
                    : $"**violated** in {o.Counterexample!.Events.Length} events{Link(c, o.Property.Id, baseDir)}";
                md.Append(CultureInfo.InvariantCulture, $"| {c.Design} | {o.Property.Id[(c.Design.Length + 1)..]} | {verdict} |\n");
            }
        }

        md.Append("\n## Where two designs answer differently\n\n| designs | first difference |\n| --- | --- |\n");
        foreach (var (first, second, difference, file) in differences)
        {
            var cell = difference is null
                ? "none found to the bound"
                : $"event {difference.Events.Length}: `{Escape(TracePrinter.PrintEvent(difference.FirstAnswer))}` vs `= {Escape(TracePrinter.PrintResult(difference.SecondAnswer.Result))}`{(file is null ? "" : $" ([scenario]({Relative(baseDir, file)}))")}";
            md.Append(CultureInfo.InvariantCulture, $"| {first} / {second} | {cell} |\n");
        }

        return md.ToString();
    }

    /// <summary>The report as one HTML page with an SVG graph per counterexample.</summary>
    public string Html(string baseDir)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Isolation designs compared</title>\n");
        h.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;vertical-align:top}.v{color:#a00;font-weight:bold}.h{color:#070}pre{background:#f6f6f6;padding:6px}</style></head><body>\n");
        h.Append("<h1>Isolation designs compared</h1>\n<p>").Append(WebUtility.HtmlEncode(bounds)).Append("</p>\n");
        h.Append("<table><tr><th>design</th><th>property</th><th>verdict</th></tr>\n");
        foreach (var c in checks)
        {
            foreach (var o in c.Outcomes)
            {
                var anchor = o.Property.Id.Replace('/', '-');
                h.Append("<tr><td>").Append(c.Design).Append("</td><td>").Append(WebUtility.HtmlEncode(o.Property.Id[(c.Design.Length + 1)..])).Append("</td><td>");
                h.Append(o.Holds
                    ? $"<span class=\"h\">holds</span> to depth {c.DepthCompleted}"
                    : $"<span class=\"v\">violated</span> in {o.Counterexample!.Events.Length} events — <a href=\"#{anchor}\">counterexample</a>");
                h.Append("</td></tr>\n");
            }
        }

        h.Append("</table>\n<h2>Counterexamples</h2>\n");
        foreach (var c in checks)
        {
            foreach (var o in c.Outcomes.Where(o => !o.Holds))
            {
                var cx = o.Counterexample!;
                h.Append("<h3 id=\"").Append(o.Property.Id.Replace('/', '-')).Append("\">").Append(WebUtility.HtmlEncode(o.Property.Id)).Append("</h3>\n<p>")
                    .Append(WebUtility.HtmlEncode(cx.Violation.Reason)).Append("</p>\n");
                var (answered, kernel) = Run(c.Design, cx.Events, cx.Universe.User);
                h.Append(Graph(kernel)).Append("\n<pre>").Append(WebUtility.HtmlEncode(string.Join("\n", answered))).Append("</pre>\n");
                if (c.CounterexampleFiles.TryGetValue(o.Property.Id, out var file))
                {
                    h.Append("<p><a href=\"").Append(Relative(baseDir, file)).Append("\">").Append(WebUtility.HtmlEncode(Path.GetFileName(file))).Append("</a></p>\n");
                }
            }
        }

        h.Append("<h2>Where two designs answer differently</h2>\n<table><tr><th>designs</th><th>first difference</th></tr>\n");
        foreach (var (first, second, difference, _) in differences)
        {
            h.Append("<tr><td>").Append(first).Append(" / ").Append(second).Append("</td><td>");
            h.Append(difference is null ? "none found to the bound" : "<pre>" + WebUtility.HtmlEncode(DifferenceFinder.Scenario(difference)) + "</pre>");
            h.Append("</td></tr>\n");
        }

        return h.Append("</table>\n</body></html>\n").ToString();
    }

    /// <summary>
    /// The processes of a run as circles (dashed edges: who forked whom) and every channel the run
    /// used as an arrow labelled with its kind and what it went through.
    /// </summary>
    public static string Graph(KernelState kernel)
    {
        var tasks = kernel.Tasks;
        const int Gap = 170, Y = 90, R = 28;
        var width = Math.Max(1, tasks.Count) * Gap + 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Y * 2 + 40}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<defs><marker id=\"a\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\"><polygon points=\"0 0, 10 3.5, 0 7\" fill=\"#a00\"/></marker></defs>");
        int X(int number) => 40 + ((number - 1) * Gap) + R;
        foreach (var t in tasks.Where(t => t.Parent is not null))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(t.Parent!.Number)}\" y1=\"{Y}\" x2=\"{X(t.Number)}\" y2=\"{Y}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>");
        }

        var lane = 0;
        foreach (var channel in kernel.Channels.DistinctBy(c => (c.Kind, c.From, c.To, c.Via)))
        {
            var bend = Y - R - 14 - (lane++ % 3 * 16);
            var (x1, x2) = (X(channel.From.Number), X(channel.To.Number));
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x1},{Y - R} Q{(x1 + x2) / 2},{bend - 30} {x2},{Y - R}\" fill=\"none\" stroke=\"#a00\" marker-end=\"url(#a)\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(x1 + x2) / 2}\" y=\"{bend - 18}\" text-anchor=\"middle\" fill=\"#a00\">{WebUtility.HtmlEncode($"{channel.Kind} {channel.Via}")}</text>");
        }

        foreach (var t in tasks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(t.Number)}\" cy=\"{Y}\" r=\"{R}\" fill=\"#eef\" stroke=\"#336\"/><text x=\"{X(t.Number)}\" y=\"{Y + 4}\" text-anchor=\"middle\">{t.Name}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(t.Number)}\" y=\"{Y + R + 16}\" text-anchor=\"middle\" fill=\"#555\">uid {t.Cred.Uid}, netns {t.NetNs.Id}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static (List<string> Answered, KernelState Kernel) Run(string design, IEnumerable<EventLine> events, int user)
    {
        KernelState? kernel = null;
        var header = new List<TraceLine> { new HeaderLine("design", design, SourceSpan.None) };
        if (user != 0)
        {
            header.Add(new HeaderLine("user", user.ToString(CultureInfo.InvariantCulture), SourceSpan.None));
        }

        var result = Simulator.Run(new TraceFile("graph", [.. header, .. events]), null, (k, _) => kernel = k);
        return ([.. result.Trace.Lines.OfType<EventLine>().Select(TracePrinter.PrintEvent)], kernel!);
    }

    private static string Link(DesignCheck c, string id, string baseDir) =>
        c.CounterexampleFiles.TryGetValue(id, out var file) ? $" ([scenario]({Relative(baseDir, file)}))" : "";

    private static string Relative(string baseDir, string file) => Path.GetRelativePath(baseDir, file).Replace('\\', '/');

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
