using Isolation.Traces.Syntax;

namespace Isolation.Traces.Strace;

/// <summary>
/// Joins each <c>&lt;unfinished ...&gt;</c> line with its <c>&lt;... name resumed&gt;</c> line
/// into one call, placed where the call started. A call that never resumed (its process was
/// killed, or the trace ends) gets <c>= ?</c>, with <c>...</c> for arguments strace never printed.
/// </summary>
/// <remarks>strace prints the split when another process's line comes between a call's entry and exit (strace.c, syscall.c).</remarks>
internal static class CallJoiner
{
    private const long NoPid = -1;

    /// <summary>The lines with every split call joined; only Blank, Comment, Note and Call lines remain.</summary>
    public static List<StraceLine> Join(List<StraceLine> lines)
    {
        var output = new List<StraceLine>(lines.Count);
        var pending = new Dictionary<long, int>();
        foreach (var line in lines)
        {
            long key = line.Pid ?? NoPid;
            switch (line.Kind)
            {
                case StraceLineKind.Unfinished:
                    FinishAbandoned(output, pending, key);
                    pending[key] = output.Count;
                    output.Add(line);
                    break;
                case StraceLineKind.Resumed:
                    int index = FindStart(output, pending, line, key);
                    output[index] = Joined(output[index], line);
                    break;
                case StraceLineKind.Call:
                case StraceLineKind.Note when line.Body.Text.StartsWith("+++", StringComparison.Ordinal):
                    // A new call or the end of the process: an unfinished call of it will never resume.
                    FinishAbandoned(output, pending, key);
                    output.Add(line);
                    break;
                default:
                    output.Add(line);
                    break;
            }
        }

        foreach (long key in pending.Keys.ToList())
        {
            FinishAbandoned(output, pending, key);
        }

        return output;
    }

    private static int FindStart(List<StraceLine> output, Dictionary<long, int> pending, StraceLine resumed, long key)
    {
        // Without a pid prefix (strace -f writing to a terminal while one process is traced) the
        // resumed line belongs to whichever process left this call unfinished.
        if (!pending.ContainsKey(key) && resumed.Pid is null)
        {
            var same = pending.Where(p => output[p.Value].Call == resumed.Call).ToList();
            key = same.Count == 1 ? same[0].Key : key;
        }

        if (!pending.Remove(key, out int index))
        {
            throw new TraceException(resumed.Start, $"'<... {resumed.Call} resumed>' without an earlier unfinished {resumed.Call} call of this process");
        }

        var start = output[index];
        if (start.Call != resumed.Call)
        {
            throw new TraceException(resumed.Start, $"'<... {resumed.Call} resumed>' but the unfinished call of this process is {start.Call} (line {start.Number})");
        }

        return index;
    }

    private static void FinishAbandoned(List<StraceLine> output, Dictionary<long, int> pending, long key)
    {
        if (pending.Remove(key, out int index))
        {
            var start = output[index];
            var body = start.Body;
            var end = body.Span(body.Text.Length);
            output[index] = start with { Kind = StraceLineKind.Call, Body = body.Append(MissingArguments(body.Text) + ") = ?", end.Line, end.Column) };
        }
    }

    private static StraceLine Joined(StraceLine start, StraceLine resumed)
    {
        var partial = start.Body;
        var rest = resumed.Body;
        var end = partial.Span(partial.Text.Length);
        string filler = partial.Text.EndsWith(',') ? " " : "";
        int restFrom = 0;
        if (StraceLineClassifier.StartsUnfinished(rest.Text, out int after))
        {
            // "<... read resumed> <unfinished ...>) = ?": the process died inside the call.
            filler = MissingArguments(partial.Text);
            restFrom = after;
        }

        var restStart = rest.Span(restFrom);
        var joined = partial.Append(filler, end.Line, end.Column).Append(rest.Text[restFrom..], restStart.Line, restStart.Column);
        return start with { Kind = StraceLineKind.Call, Body = joined };
    }

    private static string MissingArguments(string partial) => partial.EndsWith(',') ? " ..." : "";
}
