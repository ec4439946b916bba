namespace Isolation.Traces.Syntax;

/// <summary>
/// The binary operators of the argument grammar, loosest first, shared by the reader and the
/// printer so that what is printed reads back as the same tree. All are left-associative.
/// </summary>
/// <remarks>
/// strace prints <c>=&gt;</c> between a value before and after a call (<c>[110 =&gt; 16]</c>),
/// <c>&amp;&amp;</c> and <c>==</c> in wait statuses (<c>WIFEXITED(s) &amp;&amp; WEXITSTATUS(s) == 0</c>),
/// <c>|</c> between flags and <c>*</c> in rlimits (<c>8192*1024</c>); the order is C's.
/// </remarks>
internal static class Operators
{
    /// <summary>The level of <c>|</c>, whose chains are one <see cref="OrExpr"/>.</summary>
    public const int OrLevel = 4;

    /// <summary>The precedence of a prefix <c>~</c>.</summary>
    public const int Prefix = 7;

    /// <summary>The precedence of an expression followed by a <c>/* comment */</c>.</summary>
    public const int Postfix = 8;

    /// <summary>The precedence of an atom (literal, name, call, brackets), which never needs parentheses.</summary>
    public const int Atom = 9;

    /// <summary>The operators of each level, loosest first.</summary>
    public static readonly string[][] Levels =
    [
        ["=>"],
        ["||"],
        ["&&"],
        ["==", "!="],
        ["|"],
        ["<<", ">>"],
        ["*"],
    ];

    /// <summary>The level of <paramref name="op"/>, or -1 if it is not an operator.</summary>
    public static int LevelOf(string op) => Array.FindIndex(Levels, level => Array.IndexOf(level, op) >= 0);

    /// <summary>True if strace prints spaces around <paramref name="op"/> (<c>a &amp;&amp; b</c>, but <c>a*b</c>).</summary>
    public static bool IsSpaced(string op) => LevelOf(op) < OrLevel;

    /// <summary>The operator at <paramref name="index"/> and its level, or null and -1.</summary>
    public static (string? Op, int Level) Match(LineCursor c, int index)
    {
        char next = c.CharAt(index + 1);
        return c.CharAt(index) switch
        {
            '=' when next == '>' => ("=>", 0),
            '|' when next == '|' => ("||", 1),
            '&' when next == '&' => ("&&", 2),
            '=' when next == '=' => ("==", 3),
            '!' when next == '=' => ("!=", 3),
            '|' => ("|", OrLevel),
            '<' when next == '<' => ("<<", 5),
            '>' when next == '>' => (">>", 5),
            '*' => ("*", 6),
            _ => (null, -1),
        };
    }
}
