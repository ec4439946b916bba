using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Isolation.Check.Reports;

/// <summary>The results of <c>isolation check</c> in every form it writes: a text table, JSON, SARIF 2.1.0 and JUnit XML.</summary>
public sealed class CheckReport(IReadOnlyList<DesignCheck> checks)
{
    /// <summary>The designs checked.</summary>
    public IReadOnlyList<DesignCheck> Checks => checks;

    /// <summary>Whether any property was violated.</summary>
    public bool AnyViolation => checks.Any(c => c.Outcomes.Any(o => !o.Holds));

    /// <summary>The summary table, one line per property, then one line of figures per design.</summary>
    public string Table()
    {
        var rows = checks.SelectMany(c => c.Outcomes.Select(o => (Id: o.Property.Id, Verdict: c.Verdict(o), File: c.CounterexampleFiles.GetValueOrDefault(o.Property.Id)))).ToList();
        var width = rows.Count == 0 ? 8 : rows.Max(r => r.Id.Length);
        var text = new StringBuilder();
        text.Append("property".PadRight(width)).Append("  verdict\n");
        foreach (var (id, verdict, file) in rows)
        {
            text.Append(id.PadRight(width)).Append("  ").Append(verdict);
            if (file is not null)
            {
                text.Append('\n').Append(' ', width + 2).Append("-> ").Append(file);
            }

            text.Append('\n');
        }

        foreach (var c in checks)
        {
            foreach (var r in c.Runs)
            {
                text.Append(CultureInfo.InvariantCulture, $"{c.Design} (p1 uid {r.Universe.User}): {r.States:N0} states, {r.Transitions:N0} moves tried, depth {r.DepthCompleted} of {r.Universe.Depth}, {r.Elapsed.TotalSeconds:F1} s, {r.PeakManagedBytes / (1 << 20):N0} MiB");
                if (r.BoundMessage is not null)
                {
                    text.Append(" — ").Append(r.BoundMessage);
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Everything as JSON: per design the universe, the figures and per property the verdict and counterexample file.</summary>
    public string Json() => WriteJson(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("designs");
            foreach (var c in checks)
            {
                json.WriteStartObject();
                json.WriteString("design", c.Design);
                json.WriteStartArray("searches");
                foreach (var r in c.Runs)
                {
                    json.WriteStartObject();
                    json.WriteString("universe", r.Universe.Describe());
                    json.WriteNumber("user", r.Universe.User);
                    json.WriteNumber("depth", r.Universe.Depth);
                    json.WriteNumber("processes", r.Universe.Processes);
                    json.WriteNumber("depthCompleted", r.DepthCompleted);
                    json.WriteNumber("states", r.States);
                    json.WriteNumber("transitions", r.Transitions);
                    json.WriteNumber("seconds", Math.Round(r.Elapsed.TotalSeconds, 3));
                    json.WriteNumber("peakManagedBytes", r.PeakManagedBytes);
                    if (r.BoundMessage is not null)
                    {
                        json.WriteString("bound", r.BoundMessage);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();

                json.WriteStartArray("properties");
                foreach (var o in c.Outcomes)
                {
                    json.WriteStartObject();
                    json.WriteString("id", o.Property.Id);
                    json.WriteString("verdict", o.Holds ? "holds" : "violated");
                    json.WriteString("summary", c.Verdict(o));
                    if (!o.Holds)
                    {
                        json.WriteNumber("events", o.Counterexample!.Events.Length);
                        json.WriteNumber("violatingEvent", o.Counterexample.Violation.Step + 1);
                        json.WriteString("reason", o.Counterexample.Violation.Reason);
                        if (c.CounterexampleFiles.TryGetValue(o.Property.Id, out var file))
                        {
                            json.WriteString("counterexample", file);
                        }
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    /// <summary>SARIF 2.1.0: a rule per property, a result per violation located at the counterexample's violating line.</summary>
    public string Sarif() => WriteJson(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "isolation check");
            json.WriteStartArray("rules");
            foreach (var o in checks.SelectMany(c => c.Outcomes))
            {
                json.WriteStartObject();
                json.WriteString("id", o.Property.Id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", o.Property.Quote);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var c in checks)
            {
                foreach (var o in c.Outcomes.Where(o => !o.Holds))
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", o.Property.Id);
                    json.WriteString("level", "error");
                    json.WriteStartObject("message");
                    json.WriteString("text", c.Verdict(o));
                    json.WriteEndObject();
                    if (c.CounterexampleFiles.TryGetValue(o.Property.Id, out var file))
                    {
                        json.WriteStartArray("locations");
                        json.WriteStartObject();
                        json.WriteStartObject("physicalLocation");
                        json.WriteStartObject("artifactLocation");
                        json.WriteString("uri", file);
                        json.WriteEndObject();
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", ViolatingLine(file, o.Counterexample!.Violation.Step));
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });

    /// <summary>JUnit XML: a test suite per design, a test case per property, a failure per violation.</summary>
    public string Junit()
    {
        var suites = new XElement("testsuites");
        foreach (var c in checks)
        {
            var suite = new XElement("testsuite",
                new XAttribute("name", c.Design),
                new XAttribute("tests", c.Outcomes.Length),
                new XAttribute("failures", c.Outcomes.Count(o => !o.Holds)),
                new XAttribute("time", c.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)));
            foreach (var o in c.Outcomes)
            {
                var test = new XElement("testcase", new XAttribute("classname", c.Design), new XAttribute("name", o.Property.Id));
                test.Add(o.Holds
                    ? new XElement("system-out", c.Verdict(o))
                    : new XElement("failure", new XAttribute("message", o.Counterexample!.Violation.Reason), c.CounterexampleFiles.GetValueOrDefault(o.Property.Id) ?? c.Verdict(o)));
                suite.Add(test);
            }

            suites.Add(suite);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString() + "\n";
    }

    /// <summary>Indented JSON written by <paramref name="write"/>, as text ending in a newline.</summary>
    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The line of the counterexample file holding its <paramref name="step"/>-th event (1-based line).</summary>
    private static int ViolatingLine(string file, int step)
    {
        if (!File.Exists(file))
        {
            return 1;
        }

        var lines = File.ReadAllLines(file);
        var events = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && lines[i][0] == 'p' && events++ == step)
            {
                return i + 1;
            }
        }

        return 1;
    }
}
