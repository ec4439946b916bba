using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Isolation.Solver.Smt;

/// <summary>An S-expression as solvers print answers: an atom or a list.</summary>
/// <param name="Atom">The atom's text (quoted symbols without their bars), or null for a list.</param>
/// <param name="Items">The list's items.</param>
public sealed record SExpr(string? Atom, ImmutableArray<SExpr> Items)
{
    /// <summary>Parses every S-expression in <paramref name="text"/>.</summary>
    public static IReadOnlyList<SExpr> ParseAll(string text)
    {
        var at = 0;
        var all = new List<SExpr>();
        while (SkipSpace(text, ref at))
        {
            all.Add(Parse(text, ref at));
        }

        return all;
    }

    /// <summary>The bits of a literal of <paramref name="sort"/>: <c>true</c>, <c>#x…</c>, <c>#b…</c>, <c>(_ bvN w)</c>, or a member symbol.</summary>
    public UInt128 ToBits(Isolation.Model.Rules.Sort sort)
    {
        if (Atom is null)
        {
            // (_ bvN w)
            if (Items.Length == 3 && Items[0].Atom == "_" && Items[1].Atom is { } bv && bv.StartsWith("bv", StringComparison.Ordinal))
            {
                return UInt128.Parse(bv[2..], CultureInfo.InvariantCulture);
            }

            throw new FormatException($"not a literal: {this}");
        }

        return sort.Kind switch
        {
            Isolation.Model.Rules.SortKind.Bool => Atom == "true" ? UInt128.One : Atom == "false" ? UInt128.Zero : throw new FormatException($"not a Boolean: {Atom}"),
            Isolation.Model.Rules.SortKind.BitVec when Atom.StartsWith("#x", StringComparison.Ordinal) => UInt128.Parse(Atom[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            Isolation.Model.Rules.SortKind.BitVec when Atom.StartsWith("#b", StringComparison.Ordinal) => Atom[2..].Aggregate(UInt128.Zero, (v, c) => (v << 1) | (c == '1' ? UInt128.One : UInt128.Zero)),
            Isolation.Model.Rules.SortKind.Enum => (UInt128)Enumerable.Range(0, sort.Members.Length).First(i => Isolation.Model.Rules.SmtPrinter.MemberSymbol(sort, i) == Atom),
            _ => throw new FormatException($"not a literal of {sort}: {Atom}"),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Atom ?? $"({string.Join(' ', Items)})";

    private static bool SkipSpace(string text, ref int at)
    {
        while (at < text.Length)
        {
            if (char.IsWhiteSpace(text[at]))
            {
                at++;
            }
            else if (text[at] == ';')
            {
                while (at < text.Length && text[at] != '\n')
                {
                    at++;
                }
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static SExpr Parse(string text, ref int at)
    {
        if (text[at] == '(')
        {
            at++;
            var items = ImmutableArray.CreateBuilder<SExpr>();
            while (SkipSpace(text, ref at) && text[at] != ')')
            {
                items.Add(Parse(text, ref at));
            }

            if (at >= text.Length)
            {
                throw new FormatException("unbalanced parentheses in solver output");
            }

            at++;
            return new SExpr(null, items.ToImmutable());
        }

        if (text[at] is '|' or '"')
        {
            var quote = text[at];
            var end = text.IndexOf(quote, at + 1);
            if (end < 0)
            {
                throw new FormatException("unterminated quoted symbol in solver output");
            }

            var atom = text[(at + 1)..end];
            at = end + 1;
            return new SExpr(atom, []);
        }

        var s = new StringBuilder();
        while (at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] is not '(' and not ')')
        {
            s.Append(text[at++]);
        }

        return new SExpr(s.ToString(), []);
    }
}
