namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// The kernel's own string helpers that control-file parsers use, byte for byte: isspace,
/// strlen, strim, kstrtoint and the <c>%X</c> conversion of sscanf.
/// </summary>
/// <remarks>lib/ctype.c, lib/string_helpers.c strim, lib/kstrtox.c, lib/vsprintf.c vsscanf (6.12).</remarks>
public static class KernelStrings
{
    /// <summary>The kernel's isspace: space, \t \n \v \f \r, and 0xA0 (lib/ctype.c marks it _S|_SP).</summary>
    public static bool IsSpace(byte c) => c is (byte)' ' or (>= 9 and <= 13) or 0xA0;

    /// <summary>strlen: the bytes before the first NUL.</summary>
    public static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> buffer)
    {
        var nul = buffer.IndexOf((byte)0);
        return nul < 0 ? buffer : buffer[..nul];
    }

    /// <summary>strim (strstrip): the C string without leading and trailing white space.</summary>
    public static ReadOnlySpan<byte> Strim(ReadOnlySpan<byte> buffer)
    {
        var s = CString(buffer);
        var end = s.Length;
        while (end > 0 && IsSpace(s[end - 1]))
        {
            end--;
        }

        var start = 0;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }

        return s[start..end];
    }

    /// <summary>
    /// kstrtoint with base 0: an optional sign, then 0x… hexadecimal, 0… octal or decimal, then at
    /// most one newline. False for anything else and for a value outside int (-EINVAL/-ERANGE).
    /// </summary>
    public static bool TryParseInt(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        var negative = s.Length > 0 && s[0] == (byte)'-';
        if (negative || (s.Length > 0 && s[0] == (byte)'+'))
        {
            s = s[1..];
        }

        var numberBase = 10;
        if (s.Length > 0 && s[0] == (byte)'0')
        {
            numberBase = s.Length > 2 && (s[1] | 0x20) == 'x' && HexDigit(s[2]) >= 0 ? 16 : 8;
            if (numberBase == 16)
            {
                s = s[2..];
            }
        }

        var digits = ParseDigits(s, numberBase, out var magnitude, out var overflow);
        var rest = s[digits..];
        if (digits == 0 || overflow || !(rest.IsEmpty || (rest.Length == 1 && rest[0] == (byte)'\n')))
        {
            return false;
        }

        var signed = negative ? -(Int128)magnitude : magnitude;
        if (signed < int.MinValue || signed > int.MaxValue)
        {
            return false;
        }

        value = (int)signed;
        return true;
    }

    /// <summary>
    /// sscanf(s, "%X", &amp;u32): skips white space, requires a hexadecimal digit, skips a 0x prefix,
    /// then reads hexadecimal digits (wrapping past 64 bits) and keeps the low 32 bits. Null when
    /// nothing was converted, which leaves the destination as it was.
    /// </summary>
    public static uint? ScanHex(ReadOnlySpan<byte> s)
    {
        s = CString(s);
        var at = 0;
        while (at < s.Length && IsSpace(s[at]))
        {
            at++;
        }

        if (at == s.Length || HexDigit(s[at]) < 0)
        {
            return null;
        }

        // _parse_integer_fixup_radix: with base 16 a "0x" is skipped even with no digit after it.
        if (s[at] == (byte)'0' && at + 1 < s.Length && (s[at + 1] | 0x20) == 'x')
        {
            at += 2;
        }

        ParseDigits(s[at..], 16, out var value, out _);
        return (uint)value;
    }

    /// <summary>_parse_integer: how many digits of <paramref name="numberBase"/> lead <paramref name="s"/>, their value (wrapping) and whether it overflowed 64 bits.</summary>
    private static int ParseDigits(ReadOnlySpan<byte> s, int numberBase, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        var n = 0;
        while (n < s.Length)
        {
            var digit = HexDigit(s[n]);
            if (digit < 0 || digit >= numberBase)
            {
                break;
            }

            overflow |= value > (ulong.MaxValue - (ulong)digit) / (ulong)numberBase;
            value = unchecked((value * (ulong)numberBase) + (ulong)digit);
            n++;
        }

        return n;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
