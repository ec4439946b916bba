namespace Isolation.Model.Designs.Bsdjail;

/// <summary>
/// The kernel's text routines as the patch uses them on what was written to /proc/self/attr/exec:
/// simple_strtoul, simple_strtol, the integer conversions of sscanf, and snprintf into a buffer.
/// Text is bytes as Latin-1 chars; a byte past the end reads as NUL.
/// </summary>
/// <remarks>lib/vsprintf.c simple_strtoull, simple_strtol, vsscanf; lib/kstrtox.c
/// _parse_integer_fixup_radix, _parse_integer_limit (6.12).</remarks>
internal static class JailText
{
    /// <summary>
    /// simple_strtoul: no sign and no leading space; base 0 picks 16 for <c>0x</c> followed by a
    /// hex digit, 8 for a leading 0, else 10; base 16 skips a <c>0x</c>. Overflow wraps.
    /// <paramref name="next"/> is where the digits end.
    /// </summary>
    public static ulong Strtoul(string s, int start, int radix, out int next)
    {
        var i = start;
        if (radix == 0)
        {
            radix = At(s, i) == '0' ? (char.ToLowerInvariant(At(s, i + 1)) == 'x' && char.IsAsciiHexDigit(At(s, i + 2)) ? 16 : 8) : 10;
        }

        if (radix == 16 && At(s, i) == '0' && char.ToLowerInvariant(At(s, i + 1)) == 'x')
        {
            i += 2;
        }

        ulong result = 0;
        while (DigitValue(At(s, i)) is { } digit && digit < radix)
        {
            result = unchecked((result * (ulong)radix) + (ulong)digit);
            i++;
        }

        next = i;
        return result;
    }

    /// <summary>simple_strtol: a leading <c>-</c> negates simple_strtoul of the rest.</summary>
    public static long Strtol(string s, int start, int radix) =>
        At(s, start) == '-' ? unchecked(-(long)Strtoul(s, start + 1, radix, out _)) : unchecked((long)Strtoul(s, start, radix, out _));

    /// <summary>
    /// sscanf(<paramref name="s"/>, "%u&lt;sep&gt;%u…") with <paramref name="values"/>.Length
    /// conversions of base <paramref name="radix"/> (10 for <c>%u</c>, 16 for <c>%x</c>) separated by
    /// <paramref name="separator"/>: each conversion skips spaces, needs a digit of its base, and
    /// stores the value truncated to unsigned int. Returns how many conversions were made.
    /// </summary>
    public static int ScanUnsigned(string s, char separator, int radix, uint[] values)
    {
        var pos = 0;
        for (var n = 0; n < values.Length; n++)
        {
            if (n > 0)
            {
                // "anything that is not a conversion must match exactly"
                if (At(s, pos) != separator)
                {
                    return n;
                }

                pos++;
            }

            while (IsSpace(At(s, pos)))
            {
                pos++;
            }

            if (DigitValue(At(s, pos)) is not { } first || first >= radix)
            {
                return n;
            }

            values[n] = unchecked((uint)Strtoul(s, pos, radix, out pos));
        }

        return values.Length;
    }

    /// <summary>
    /// snprintf(buf + <paramref name="offset"/>, <paramref name="size"/>, "%s", <paramref name="text"/>):
    /// writes at most size - 1 bytes and a NUL, and returns the length the text would have.
    /// </summary>
    public static int Snprintf(byte[] buffer, int offset, int size, string text)
    {
        if (size > 0)
        {
            var n = Math.Min(text.Length, size - 1);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)text[i];
            }

            buffer[offset + n] = 0;
        }

        return text.Length;
    }

    /// <summary>The byte at <paramref name="i"/> as a char, or NUL past the end.</summary>
    public static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    // isspace of the kernel's ctype table: space, \t \n \v \f \r, and Latin-1 NBSP.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u00a0';

    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => null,
    };
}
