using System.Globalization;
using System.Text;

namespace Isolation.Traces.Syntax;

/// <summary>
/// Writes traces in canonical form: <c>p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3</c>. For canonical
/// text <c>Print(Parse(x)) == x</c>; for any text the parser accepts, printing is a fixed point
/// after one round.
/// </summary>
/// <remarks>The canonical form is described in traces/FORMAT.md.</remarks>
public static class TracePrinter
{
    private const string Magic = "# " + HeaderReader.MagicKey + " " + HeaderReader.Version;

    /// <summary>The whole file, one line per <see cref="TraceLine"/>, each ending in <c>\n</c>; the magic header is added if the file lacks it.</summary>
    public static string Print(TraceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sb = new StringBuilder();
        var first = file.Lines.FirstOrDefault(l => l is not BlankLine);
        if (first is not HeaderLine { Key: HeaderReader.MagicKey })
        {
            sb.Append(Magic).Append('\n');
        }

        foreach (var line in file.Lines)
        {
            WriteLine(sb, line);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>One line, without the line end.</summary>
    public static string PrintLine(TraceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sb = new StringBuilder();
        WriteLine(sb, line);
        return sb.ToString();
    }

    /// <summary>An event line: <c>p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3</c>, with its comment if any.</summary>
    public static string PrintEvent(EventLine line) => PrintLine(line);

    /// <summary>One argument expression: <c>{sa_family=AF_UNIX, sun_path=@"proxy"}</c>.</summary>
    public static string PrintExpr(Expr expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var sb = new StringBuilder();
        ExprWriter.Write(sb, expr);
        return sb.ToString();
    }

    /// <summary>A result as it follows <c>= </c>: <c>3</c>, <c>p2</c>, <c>-1 EPERM (Operation not permitted)</c>, <c>?</c>.</summary>
    public static string PrintResult(CallResult result) => result switch
    {
        ValueResult v => (v.Text.Length > 0 ? v.Text : v.Value.ToString(CultureInfo.InvariantCulture)) + (v.Note is null ? "" : $" ({v.Note})"),
        ProcessResult p => p.Process,
        ErrorResult e => $"-1 {e.Errno}" + (e.Text is null ? "" : $" ({e.Text})"),
        UnknownResult u => u.Note is null ? "?" : "? " + u.Note,
        null => throw new ArgumentNullException(nameof(result)),
        _ => throw new ArgumentException($"unknown result node {result.GetType().Name}", nameof(result)),
    };

    private static void WriteLine(StringBuilder sb, TraceLine line)
    {
        switch (line)
        {
            case BlankLine:
                break;
            case HeaderLine { Key: HeaderReader.MagicKey } h:
                sb.Append("# ").Append(HeaderReader.MagicKey).Append(' ').Append(h.Value);
                break;
            case HeaderLine h:
                sb.Append("# ").Append(h.Key).Append(':').Append(h.Value.Length > 0 ? " " + h.Value : "");
                break;
            case CommentLine c:
                sb.Append('#').Append(c.Text);
                break;
            case NoteLine n:
                sb.Append(n.Process).Append(' ').Append(n.Text);
                break;
            case EventLine e:
                sb.Append(e.Process).Append(' ').Append(e.Call).Append('(');
                ExprWriter.WriteList(sb, e.Args);
                sb.Append(") = ").Append(PrintResult(e.Result));
                sb.Append(e.Comment is null ? "" : " #" + e.Comment);
                break;
            default:
                throw new ArgumentException($"unknown line node {line.GetType().Name}", nameof(line));
        }
    }
}
