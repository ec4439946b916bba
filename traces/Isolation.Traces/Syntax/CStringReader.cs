using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace Isolation.Traces.Syntax;

/// <summary>
/// Reads a C string literal as strace prints it (<c>"\177ELF\2\1"</c>, <c>"hi\n"</c>,
/// <c>"\x12\x34"</c>) into its bytes. Characters outside ASCII stand for their UTF-8 bytes.
/// </summary>
/// <remarks>Escapes are those of C (ISO C11 6.4.4.4) that strace's string_quote (util.c) can print, plus \a, \b, \', \?.</remarks>
internal sealed class CStringReader
{
    /// <summary>Characters that stand for themselves: printable ASCII and tab, without the quote and the backslash.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        "\t !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private byte[] _buffer = new byte[256];
    private int _count;

    /// <summary>Reads the literal whose opening quote is at the cursor and returns its bytes.</summary>
    public ImmutableArray<byte> Read(LineCursor c)
    {
        int open = c.Position;
        string text = c.Text;
        int p = open + 1;
        _count = 0;
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            if (p >= text.Length)
            {
                throw c.Error(open, "unterminated string (missing '\"')");
            }

            int run = text.AsSpan(p).IndexOfAnyExcept(Plain);
            if (run != 0)
            {
                run = run < 0 ? text.Length - p : run;
                Reserve(run);
                Ascii.FromUtf16(text.AsSpan(p, run), _buffer.AsSpan(_count), out int written);
                _count += written;
                p += run;
                continue;
            }

            char ch = text[p];
            if (ch == '"')
            {
                c.Position = p + 1;
                return ImmutableArray.Create(_buffer, 0, _count);
            }

            if (ch == '\\')
            {
                p = ReadEscape(c, p);
            }
            else if (ch < 0x80)
            {
                Add((byte)ch);
                p++;
            }
            else
            {
                Rune.DecodeFromUtf16(text.AsSpan(p), out var rune, out int consumed);
                int n = rune.EncodeToUtf8(utf8);
                foreach (byte b in utf8[..n])
                {
                    Add(b);
                }

                p += consumed;
            }
        }
    }

    private int ReadEscape(LineCursor c, int backslash)
    {
        char e = c.CharAt(backslash + 1);
        byte? simple = e switch
        {
            '\\' => (byte)'\\',
            '"' => (byte)'"',
            '\'' => (byte)'\'',
            '?' => (byte)'?',
            'a' => 7,
            'b' => 8,
            't' => 9,
            'n' => 10,
            'v' => 11,
            'f' => 12,
            'r' => 13,
            _ => null,
        };
        if (simple is { } b)
        {
            Add(b);
            return backslash + 2;
        }

        if (e is >= '0' and <= '7')
        {
            int p = backslash + 1, value = 0;
            while (p < backslash + 4 && c.CharAt(p) is >= '0' and <= '7')
            {
                value = (value * 8) + (c.CharAt(p) - '0');
                p++;
            }

            if (value > 0xFF)
            {
                throw c.Error(backslash, "octal escape out of range (more than \\377)");
            }

            Add((byte)value);
            return p;
        }

        if (e == 'x')
        {
            int p = backslash + 2, value = 0;
            while (p < backslash + 4 && char.IsAsciiHexDigit(c.CharAt(p)))
            {
                char h = c.CharAt(p);
                value = (value * 16) + (char.IsAsciiDigit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
                p++;
            }

            if (p == backslash + 2)
            {
                throw c.Error(backslash, "'\\x' escape without hex digits");
            }

            Add((byte)value);
            return p;
        }

        throw c.Error(backslash, e == '\0' ? "unterminated string (line ends after '\\')" : $"unknown escape '\\{e}' in string");
    }

    private void Add(byte b)
    {
        Reserve(1);
        _buffer[_count++] = b;
    }

    private void Reserve(int more)
    {
        if (_count + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + more));
        }
    }
}
