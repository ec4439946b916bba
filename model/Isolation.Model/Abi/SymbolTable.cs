using System.Collections.Frozen;
using System.Collections.Immutable;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Abi;

/// <summary>
/// The symbolic names strace prints for one kind of constant (address families, open flags, …),
/// both ways: a name or an or-ed set of names to a value, and a value back to names.
/// </summary>
public sealed class SymbolTable
{
    private readonly FrozenDictionary<string, long> _byName;
    private readonly ImmutableArray<(string Name, long Value)> _entries;

    /// <summary>Creates a table; <paramref name="kind"/> names it in error messages ("address family").</summary>
    public SymbolTable(string kind, params (string Name, long Value)[] entries)
    {
        Kind = kind;
        _entries = [.. entries];
        _byName = entries.GroupBy(e => e.Name).ToFrozenDictionary(g => g.Key, g => g.First().Value);
    }

    /// <summary>What the constants are, for error messages.</summary>
    public string Kind { get; }

    /// <summary>The value of <paramref name="name"/>, or false.</summary>
    public bool TryValue(string name, out long value) => _byName.TryGetValue(name, out value);

    /// <summary>The first name whose value is exactly <paramref name="value"/>, or null.</summary>
    public string? NameOf(long value)
    {
        foreach (var (name, v) in _entries)
        {
            if (v == value)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a constant or an or-ed set (<c>SOCK_STREAM|SOCK_NONBLOCK</c>, <c>0</c>, <c>0x80</c>);
    /// an unknown name is an error at its place in the file.
    /// </summary>
    public long Decode(Expr expr) => expr switch
    {
        IntExpr i => i.Value,
        SymbolExpr s when _byName.TryGetValue(s.Name, out var v) => v,
        SymbolExpr s => throw new TraceException(s.Span, $"unknown {Kind} '{s.Name}'"),
        OrExpr o => o.Terms.Aggregate(0L, (acc, t) => acc | Decode(t)),
        _ => throw new TraceException(expr.Span, $"expected a {Kind}"),
    };

    /// <summary>Prints a single value by name (or as a number when it has none).</summary>
    public Expr Render(long value) => NameOf(value) is { } n ? SymbolExpr.Of(n) : IntExpr.Of(value);

    /// <summary>Prints a flag set as strace does: known bits by name in table order, any rest as hex.</summary>
    public Expr RenderFlags(long value)
    {
        if (value == 0)
        {
            return NameOf(0) is { } zero ? SymbolExpr.Of(zero) : IntExpr.Of(0);
        }

        var terms = ImmutableArray.CreateBuilder<Expr>();
        var rest = value;
        foreach (var (name, v) in _entries)
        {
            if (v != 0 && (rest & v) == v)
            {
                terms.Add(SymbolExpr.Of(name));
                rest &= ~v;
            }
        }

        if (rest != 0)
        {
            terms.Add(new IntExpr(rest, "0x" + rest.ToString("x", System.Globalization.CultureInfo.InvariantCulture), SourceSpan.None));
        }

        return terms.Count == 1 ? terms[0] : new OrExpr(terms.ToImmutable(), SourceSpan.None);
    }
}
