using System.Globalization;
using System.Text;
using Isolation.Traces.Syntax;

namespace Isolation.Traces.Tests;

/// <summary>
/// A span-free S-expression of a parsed file, for comparing trees (records holding
/// <c>ImmutableArray</c>s compare arrays by reference, so record equality cannot be used).
/// </summary>
internal static class AstDump
{
    /// <summary>The dump of every line of <paramref name="file"/>.</summary>
    public static string Of(TraceFile file) => string.Join('\n', file.Lines.Select(Of));

    /// <summary>The dump of one line.</summary>
    public static string Of(TraceLine line) => line switch
    {
        BlankLine => "(blank)",
        CommentLine c => $"(comment {Quote(c.Text)})",
        HeaderLine h => $"(header {Quote(h.Key)} {Quote(h.Value)})",
        NoteLine n => $"(note {n.Process} {Quote(n.Text)})",
        EventLine e => $"(event {e.Process} {e.Call} [{string.Join(' ', e.Args.Select(Of))}] {Of(e.Result)} {Quote(e.Comment)})",
        _ => throw new ArgumentException(line.GetType().Name),
    };

    /// <summary>The dump of a result.</summary>
    public static string Of(CallResult result) => result switch
    {
        ValueResult v => $"(value {v.Value} {Quote(v.Text)} {Quote(v.Note)})",
        ProcessResult p => $"(process {p.Process})",
        ErrorResult e => $"(error {e.Errno} {Quote(e.Text)})",
        UnknownResult u => $"(unknown {Quote(u.Note)})",
        _ => throw new ArgumentException(result.GetType().Name),
    };

    /// <summary>The dump of an expression.</summary>
    public static string Of(Expr expr) => expr switch
    {
        IntExpr i => $"(int {i.Value} {Quote(i.Text)})",
        SymbolExpr s => $"(sym {s.Name})",
        OrExpr o => $"(or {All(o.Terms)})",
        StringExpr s => $"(str {Convert.ToHexString(s.Bytes.AsSpan())} {s.Abstract} {s.Truncated})",
        StructExpr s => $"(struct {All(s.Fields)})",
        FieldExpr f => $"(field {f.Name} {Of(f.Value)})",
        ArrayExpr a => $"(array {a.SpaceSeparated} {All(a.Items)})",
        CallExpr c => $"(call {c.Function} {All(c.Args)})",
        RefExpr r => $"(ref {r.Name})",
        NotExpr n => $"(not {Of(n.Operand)})",
        EllipsisExpr => "(...)",
        AnnotatedExpr a => $"(note {Of(a.Inner)} {Quote(a.Comment)})",
        BinaryExpr b => $"(bin {b.Operator} {Of(b.Left)} {Of(b.Right)})",
        _ => throw new ArgumentException(expr.GetType().Name),
    };

    private static string All(IEnumerable<Expr> items) => string.Join(' ', items.Select(Of));

    private static string Quote(string? s)
    {
        if (s is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c is '"' or '\\' ? "\\" + c : c < ' ' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return sb.Append('"').ToString();
    }
}
