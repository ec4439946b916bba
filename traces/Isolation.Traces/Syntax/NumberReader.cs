namespace Isolation.Traces.Syntax;

/// <summary>
/// Reads the integer literals strace prints: decimal (<c>-1</c>, <c>4096</c>), hexadecimal
/// (<c>0x7f00</c>) and octal (<c>0755</c>), keeping the spelling.
/// </summary>
/// <remarks>
/// Values up to 2^64-1 are accepted, as strace prints unsigned 64-bit quantities (addresses,
/// <c>RLIM64_INFINITY</c> as a number) in full; they are stored as the same 64 bits in a <c>long</c>.
/// </remarks>
internal static class NumberReader
{
    /// <summary>Reads a number at the cursor (which is at <c>-</c> or a digit).</summary>
    public static IntExpr Read(LineCursor c)
    {
        int start = c.Position;
        bool negative = c.Skip('-');
        if (!char.IsAsciiDigit(c.Current))
        {
            throw c.Unexpected("a digit after '-'");
        }

        int digitsStart = c.Position;
        int radix = 10;
        if (c.Current == '0' && c.CharAt(c.Position + 1) is 'x' or 'X')
        {
            radix = 16;
            digitsStart += 2;
        }
        else if (c.Current == '0')
        {
            radix = 8;
        }

        int end = digitsStart;
        while (LineCursor.IsIdentifierPart(c.CharAt(end)) || (c.CharAt(end) == '.' && char.IsAsciiDigit(c.CharAt(end + 1))))
        {
            end++;
        }

        string text = c.Names.Get(c.Text.AsSpan(start, end - start), max: 4);
        var digits = c.Text.AsSpan(digitsStart, end - digitsStart);
        if (digits.IsEmpty || !AllDigits(digits, radix))
        {
            throw c.Error(start, $"bad number '{Shorten(text)}'");
        }

        if (!TryAccumulate(digits, radix, out ulong magnitude) || (negative && magnitude > 1UL << 63))
        {
            throw c.Error(start, $"number out of range '{Shorten(text)}'");
        }

        c.Position = end;
        long value = negative ? unchecked(-(long)magnitude) : unchecked((long)magnitude);
        return new IntExpr(value, text, c.SpanFrom(start));
    }

    private static int DigitValue(char d) => d switch
    {
        >= '0' and <= '9' => d - '0',
        >= 'a' and <= 'f' => d - 'a' + 10,
        >= 'A' and <= 'F' => d - 'A' + 10,
        _ => int.MaxValue,
    };

    private static bool AllDigits(ReadOnlySpan<char> digits, int radix)
    {
        foreach (char d in digits)
        {
            if (DigitValue(d) >= radix)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAccumulate(ReadOnlySpan<char> digits, int radix, out ulong value)
    {
        value = 0;
        foreach (char d in digits)
        {
            ulong v = (ulong)DigitValue(d);
            if (value > (ulong.MaxValue - v) / (ulong)radix)
            {
                return false;
            }

            value = (value * (ulong)radix) + v;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
