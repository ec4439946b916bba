using System.Collections.Immutable;

namespace Isolation.Traces.Syntax;

/// <summary>
/// An argument expression as strace prints it. Every node carries the span it was read from, so
/// that any reader of the argument can report file:line:col.
/// </summary>
public abstract record Expr(SourceSpan Span);

/// <summary>An integer literal; <see cref="Text"/> keeps the spelling (<c>0x1ff</c>, <c>0755</c>, <c>-1</c>).</summary>
public sealed record IntExpr(long Value, string Text, SourceSpan Span) : Expr(Span)
{
    /// <summary>Makes a decimal literal for a value the model produced.</summary>
    public static IntExpr Of(long value) => new(value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), SourceSpan.None);
}

/// <summary>An identifier: a symbolic constant (<c>AF_UNIX</c>), <c>NULL</c>, or a logical process name (<c>p2</c>).</summary>
public sealed record SymbolExpr(string Name, SourceSpan Span) : Expr(Span)
{
    /// <summary>Makes a symbol for a value the model produced.</summary>
    public static SymbolExpr Of(string name) => new(name, SourceSpan.None);
}

/// <summary>Flags or'ed together: <c>SOCK_STREAM|SOCK_NONBLOCK</c>.</summary>
public sealed record OrExpr(ImmutableArray<Expr> Terms, SourceSpan Span) : Expr(Span);

/// <summary>
/// A C string literal. <see cref="Abstract"/> is the <c>@"name"</c> form for abstract unix socket
/// names (the <c>@</c> stands for the leading NUL byte, which <see cref="Bytes"/> does not include);
/// <see cref="Truncated"/> is strace's trailing <c>...</c> after the closing quote.
/// </summary>
public sealed record StringExpr(ImmutableArray<byte> Bytes, bool Abstract, bool Truncated, SourceSpan Span) : Expr(Span)
{
    /// <summary>Makes a string for bytes the model produced.</summary>
    public static StringExpr Of(ReadOnlySpan<byte> bytes, bool isAbstract = false) => new(ImmutableArray.Create(bytes), isAbstract, false, SourceSpan.None);

    /// <summary>Makes a string for UTF-8 text the model produced.</summary>
    public static StringExpr Of(string text, bool isAbstract = false) => Of(System.Text.Encoding.UTF8.GetBytes(text), isAbstract);

    /// <summary>The bytes read as UTF-8 text (invalid sequences replaced).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.AsSpan());
}

/// <summary>A structure in braces: <c>{sa_family=AF_INET, sin_port=htons(80), ...}</c>.</summary>
public sealed record StructExpr(ImmutableArray<Expr> Fields, SourceSpan Span) : Expr(Span)
{
    /// <summary>The value of the field called <paramref name="name"/>, or null.</summary>
    public Expr? Field(string name) => Fields.OfType<FieldExpr>().FirstOrDefault(f => f.Name == name)?.Value;
}

/// <summary>A named member inside a structure: <c>sin_port=htons(80)</c>.</summary>
public sealed record FieldExpr(string Name, Expr Value, SourceSpan Span) : Expr(Span);

/// <summary>An array in brackets: <c>[3, 4]</c>; signal sets use spaces: <c>[USR1 USR2]</c>.</summary>
public sealed record ArrayExpr(ImmutableArray<Expr> Items, bool SpaceSeparated, SourceSpan Span) : Expr(Span);

/// <summary>A function-like form strace prints: <c>htons(80)</c>, <c>inet_addr("10.0.0.5")</c>, <c>makedev(0x1, 0x3)</c>.</summary>
public sealed record CallExpr(string Function, ImmutableArray<Expr> Args, SourceSpan Span) : Expr(Span);

/// <summary>An address-of form inside a structure: <c>&amp;sin6_addr</c>.</summary>
public sealed record RefExpr(string Name, SourceSpan Span) : Expr(Span);

/// <summary>The complement of a set: <c>~[RTMIN RT_1]</c>.</summary>
public sealed record NotExpr(Expr Operand, SourceSpan Span) : Expr(Span);

/// <summary>strace's <c>...</c>: something elided.</summary>
public sealed record EllipsisExpr(SourceSpan Span) : Expr(Span);

/// <summary>An expression followed by strace's inline comment: <c>0x7ffd /* 2 entries */</c>.</summary>
public sealed record AnnotatedExpr(Expr Inner, string Comment, SourceSpan Span) : Expr(Span);

/// <summary>
/// A binary operator strace prints between two values: <c>8192*1024</c>, <c>[110 =&gt; 16]</c> (value
/// before and after the call), <c>WIFEXITED(s) &amp;&amp; WEXITSTATUS(s) == 0</c>.
/// </summary>
public sealed record BinaryExpr(Expr Left, string Operator, Expr Right, SourceSpan Span) : Expr(Span);
