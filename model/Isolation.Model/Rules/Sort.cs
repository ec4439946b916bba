using System.Collections.Immutable;

namespace Isolation.Model.Rules;

/// <summary>The type of a rule term: Bool, a bit-vector of a width, or an enumeration with named members.</summary>
/// <remarks>Values of every sort are carried as <see cref="UInt128"/> bits: 0/1, the number, or the member's index.</remarks>
public sealed class Sort
{
    private Sort(SortKind kind, int width, string name, ImmutableArray<string> members)
    {
        Kind = kind;
        Width = width;
        Name = name;
        Members = members;
    }

    /// <summary>The sort's kind.</summary>
    public SortKind Kind { get; }

    /// <summary>The width in bits of a bit-vector (1 for Bool, 0 for an enumeration).</summary>
    public int Width { get; }

    /// <summary>The name: <c>Bool</c>, <c>BV32</c>, or the enumeration's name.</summary>
    public string Name { get; }

    /// <summary>The members of an enumeration, in index order; empty otherwise.</summary>
    public ImmutableArray<string> Members { get; }

    /// <summary>The Boolean sort.</summary>
    public static Sort Bool { get; } = new(SortKind.Bool, 1, "Bool", []);

    /// <summary>The bit-vector sort of <paramref name="width"/> bits (1 to 128).</summary>
    public static Sort BitVec(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 128);
        return new Sort(SortKind.BitVec, width, $"BV{width}", []);
    }

    /// <summary>An enumeration called <paramref name="name"/> with <paramref name="members"/>.</summary>
    public static Sort Enum(string name, params string[] members) => new(SortKind.Enum, 0, name, [.. members]);

    /// <summary>The largest value of the sort's bits (all ones of the width; the last member's index).</summary>
    public UInt128 Mask => Kind == SortKind.Enum ? (UInt128)(Members.Length - 1)
        : Width == 128 ? UInt128.MaxValue : (UInt128.One << Width) - 1;

    /// <summary>The index of an enumeration member; throws when there is none of that name.</summary>
    public int IndexOf(string member)
    {
        var at = Members.IndexOf(member);
        return at >= 0 ? at : throw new ArgumentException($"{Name} has no member {member}", nameof(member));
    }

    /// <summary>Whether two sorts are the same type (same kind, width, and for enumerations the same name).</summary>
    public bool SameAs(Sort other) => Kind == other.Kind && Width == other.Width && Name == other.Name;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
