using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Isolation.Traces.Syntax;

namespace Isolation.Traces.Tests;

/// <summary>
/// FsCheck generators of trace ASTs in canonical form (what the parser would build from printed
/// text): integer spellings match their values, <c>|</c> chains have two or more terms, signal
/// sets two or more items, comments are trimmed and never contain <c>*/</c>.
/// </summary>
internal static class TraceGenerators
{
    private static readonly SourceSpan None = SourceSpan.None;

    private static readonly Gen<string> Identifier = Gen.OneOf(
        Gen.Elements("AF_UNIX", "SOCK_STREAM", "NULL", "p2", "SIGUSR1", "RT_1", "O_RDONLY", "x", "_a9", "s"),
        Gen.Elements("abcxyzABCXYZ_".ToCharArray()).SelectMany(first =>
            Gen.ArrayOf(Gen.Elements("azAZ09_".ToCharArray()), 6).Select(rest => first + new string(rest))));

    private static readonly Gen<IntExpr> Integer = Gen.OneOf(
        Gen.Choose(-1000, 100000).Select(v => new IntExpr(v, v.ToString(CultureInfo.InvariantCulture), None)),
        Gen.Choose(0, int.MaxValue).Select(v => new IntExpr(v, "0x" + v.ToString("x", CultureInfo.InvariantCulture), None)),
        Gen.Choose(1, 4095).Select(v => new IntExpr(v, "0" + Convert.ToString(v, 8), None)),
        Gen.Elements(
            new IntExpr(long.MinValue, "-9223372036854775808", None),
            new IntExpr(-1, "18446744073709551615", None),
            new IntExpr(-1, "0xffffffffffffffff", None),
            new IntExpr(0, "0", None)));

    private static readonly Gen<byte[]> AnyBytes = Gen.Sized(size =>
        Gen.Choose(0, Math.Min(size, 24)).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)));

    /// <summary>Text without line ends or control characters, trimmed, from <paramref name="alphabet"/>.</summary>
    private static Gen<string> Text(string alphabet, int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(cs => new string(cs).Trim());

    private static readonly Gen<string> AnnotationText = Text("abc xyz 0123-_=,()[]{}#\"'é", 12);

    private static readonly Gen<string> NoteText = Text("abc XYZ 019|_[]{}=,#<>", 16).SelectMany(t =>
        Gen.Elements(t, $"({t})", $"{t} ({t}) x"));

    /// <summary>Argument expressions, at most <paramref name="depth"/> levels deep.</summary>
    public static Gen<Expr> Expr(int depth)
    {
        var leaf = Gen.OneOf(
            Integer.Select(e => (Expr)e),
            Identifier.Select(n => (Expr)new SymbolExpr(n, None)),
            AnyBytes.SelectMany(b => Gen.Elements(false, true).SelectMany(a => Gen.Elements(false, true).Select(t => (Expr)new StringExpr([.. b], a, t, None)))),
            Identifier.Select(n => (Expr)new RefExpr(n, None)),
            Gen.Constant((Expr)new EllipsisExpr(None)));
        if (depth <= 0)
        {
            return leaf;
        }

        var sub = Expr(depth - 1);
        var items = Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(sub, n)).Select(a => a.ToImmutableArray());
        var twoOrMore = Gen.Choose(2, 4).SelectMany(n => Gen.ArrayOf(sub, n)).Select(a => a.ToImmutableArray());
        return Gen.Frequency(
            (6, leaf),
            (1, twoOrMore.Select(t => (Expr)new OrExpr(t, None))),
            (1, items.Select(f => (Expr)new StructExpr(f, None))),
            (1, Identifier.SelectMany(n => sub.Select(v => (Expr)new FieldExpr(n, v, None)))),
            (1, items.Select(i => (Expr)new ArrayExpr(i, false, None))),
            (1, twoOrMore.Select(i => (Expr)new ArrayExpr(i, true, None))),
            (1, Identifier.SelectMany(n => items.Select(a => (Expr)new CallExpr(n, a, None)))),
            (1, sub.Select(o => (Expr)new NotExpr(o, None))),
            (1, sub.SelectMany(i => AnnotationText.Select(c => (Expr)new AnnotatedExpr(i, c, None)))),
            (1, Gen.Elements("=>", "||", "&&", "==", "!=", "<<", ">>", "*").SelectMany(op =>
                sub.SelectMany(l => sub.Select(r => (Expr)new BinaryExpr(l, op, r, None))))));
    }

    private static readonly Gen<Errno> AnyErrno = Gen.Elements(Enum.GetValues<Errno>().Where(e => e != Errno.None).ToArray());

    private static Gen<CallResult> Result(int processes) => Gen.OneOf(
        Integer.SelectMany(i => Gen.OneOf(Gen.Constant<string?>(null), NoteText.Select(n => (string?)n)).Select(n => (CallResult)new ValueResult(i.Value, i.Text, n, None))),
        Gen.Constant((CallResult)new ProcessResult(ProcessNames.Of(processes + 1), None)),
        AnyErrno.SelectMany(e => Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>(ErrnoInfo.Text(e)), NoteText.Select(n => (string?)n)).Select(t => (CallResult)new ErrorResult(e, t, None))),
        Gen.OneOf(Gen.Constant<string?>(null), Text("ERSTAHNOD <>abc", 14).Where(t => t.Length > 0).Select(t => (string?)t)).Select(n => (CallResult)new UnknownResult(None) { Note = n }));

    private static Gen<TraceLine> Event(int processes) =>
        Gen.Choose(1, processes).SelectMany(p => Identifier.SelectMany(call =>
            Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Expr(3), n)).SelectMany(args =>
                Result(processes).SelectMany(result =>
                    Gen.OneOf(Gen.Constant<string?>(null), Text("abc #=\"'(", 10).Select(c => (string?)(" " + c))).Select(comment =>
                        (TraceLine)new EventLine(ProcessNames.Of(p), call, [.. args], result, comment, None))))));

    private static Gen<TraceLine> OtherLine(int processes) => Gen.OneOf(
        Gen.Constant((TraceLine)new BlankLine(None)),
        Text("abc: #", 10).Select(t => (TraceLine)new CommentLine(" -" + t, None)),
        Gen.Choose(1, processes).SelectMany(p => Gen.Elements("+++ exited with 0 +++", "+++ killed by SIGKILL +++", "--- SIGCHLD {si_signo=SIGCHLD} ---")
            .Select(t => (TraceLine)new NoteLine(ProcessNames.Of(p), t, None))));

    /// <summary>Whole files: the magic line, header lines, then events, notes, comments and blanks.</summary>
    public static Gen<TraceFile> File() =>
        Gen.Choose(0, 3).SelectMany(h => Gen.ArrayOf(Identifier.Where(k => char.IsAsciiLetter(k[0])).SelectMany(k => Text("abc 1.2 (x)-", 12).Select(v => (TraceLine)new HeaderLine(k, v, None))), h))
            .SelectMany(headers => Gen.Choose(1, 12).SelectMany(n => Body(n, 1, []))
                .Select(body => new TraceFile("gen.trace", [new HeaderLine("isolation-trace", "1", None), .. headers, .. body])));

    private static Gen<TraceLine[]> Body(int remaining, int processes, TraceLine[] sofar)
    {
        if (remaining == 0)
        {
            return Gen.Constant(sofar);
        }

        var next = sofar.Length == 0 ? Event(1) : Gen.Frequency((4, Event(processes)), (1, OtherLine(processes)));
        return next.SelectMany(line => Body(remaining - 1, line is EventLine { Result: ProcessResult } ? processes + 1 : processes, [.. sofar, line]));
    }
}
