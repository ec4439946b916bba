using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Isolation.Traces.Syntax;

/// <summary>
/// Turns the input of a trace reader into physical lines, refusing what a text file never holds
/// (invalid UTF-8, NUL bytes, control characters), each at the line and column where it occurs.
/// Columns count UTF-16 code units from 1, tabs as one column; a byte order mark is skipped.
/// </summary>
internal static class SourceText
{
    /// <summary>
    /// The lines of <paramref name="text"/> (number from 1, text without the line end), each checked
    /// as it is reached; a final newline does not start another line.
    /// </summary>
    public static IEnumerable<(int Number, string Text)> Lines(string text, string file)
    {
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (int number = 1; start < text.Length; number++)
        {
            int end = text.IndexOf('\n', start);
            int next = end < 0 ? text.Length : end + 1;
            end = end < 0 ? text.Length : end;
            if (end > start && text[end - 1] == '\r')
            {
                end--;
            }

            string line = text.Substring(start, end - start);
            Validate(line, file, number);
            yield return (number, line);
            start = next;
        }
    }

    /// <summary>Decodes UTF-8 file content, or throws at the first byte that is not UTF-8.</summary>
    public static string DecodeUtf8(byte[] bytes, string file)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        int line = 1, column = 1, i = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes.AsSpan(i), out var rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                throw new TraceException(new SourceSpan(file, line, column, 1), $"invalid UTF-8 byte 0x{bytes[i]:X2} (not a text file?)");
            }

            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column += rune.Utf16SequenceLength;
            }

            i += consumed;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static void Validate(string line, string file, int number)
    {
        var span = line.AsSpan();
        if (span.IndexOfAnyInRange('\0', '\u001f') < 0 && span.IndexOfAnyInRange('\ud800', '\udfff') < 0)
        {
            return;
        }

        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c >= ' ' && !char.IsSurrogate(c))
            {
                continue;
            }

            if (c == '\t')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                i++;
                continue;
            }

            string what = c switch
            {
                '\0' => "NUL byte",
                _ when char.IsSurrogate(c) => "unpaired surrogate U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => "control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            };
            throw new TraceException(new SourceSpan(file, number, i + 1, 1), what + " in input (not a text file?)");
        }
    }
}
