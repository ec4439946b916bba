namespace Isolation.Model.Rules;

/// <summary>Conversions from the model's values to the bits a rule evaluates.</summary>
public static class Bits
{
    /// <summary>A Boolean.</summary>
    public static UInt128 Of(bool value) => value ? UInt128.One : UInt128.Zero;

    /// <summary>A 32-bit number (a family, a type, a port), as the kernel's unsigned int.</summary>
    public static UInt128 Of(int value) => unchecked((uint)value);

    /// <summary>A 64-bit number (flags, limits), as the kernel's unsigned long.</summary>
    public static UInt128 Of(long value) => unchecked((ulong)value);

    /// <summary>A 64-bit unsigned number.</summary>
    public static UInt128 Of(ulong value) => value;

    /// <summary>A 128-bit number (an IPv6 address).</summary>
    public static UInt128 Of(UInt128 value) => value;

    /// <summary>An enumeration member by name.</summary>
    public static UInt128 Of(Sort sort, string member) => (UInt128)sort.IndexOf(member);
}
