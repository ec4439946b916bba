using Isolation.Traces.Syntax;

namespace Isolation.Traces.Tests;

/// <summary>Helpers that parse small pieces of trace text.</summary>
internal static class TraceText
{
    /// <summary>The file name used in messages.</summary>
    public const string FileName = "t.trace";

    /// <summary>The magic first line.</summary>
    public const string Magic = "# isolation-trace 1\n";

    /// <summary>Parses <paramref name="text"/> as a whole file.</summary>
    public static TraceFile Parse(string text) => TraceParser.Parse(text, FileName);

    /// <summary>Parses one event line (after the magic header).</summary>
    public static EventLine Event(string line) => Parse(Magic + line + "\n").Events.Single();

    /// <summary>Parses <paramref name="expr"/> as the only argument of a call.</summary>
    public static Expr Arg(string expr) => Event($"p1 f({expr}) = 0").Args.Single();

    /// <summary>The diagnostic of parsing <paramref name="text"/>, which must fail.</summary>
    public static TraceDiagnostic Error(string text) => Assert.Throws<TraceException>(() => Parse(text)).Diagnostic;

    /// <summary>Printing then parsing again is a fixed point.</summary>
    public static string Canonical(string text) => TracePrinter.Print(Parse(text));

    /// <summary>The bytes of an ASCII or UTF-8 string.</summary>
    public static byte[] Bytes(string s) => System.Text.Encoding.UTF8.GetBytes(s);
}
