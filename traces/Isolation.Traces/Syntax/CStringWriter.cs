using System.Text;

namespace Isolation.Traces.Syntax;

/// <summary>Writes bytes as a C string literal the way strace does by default.</summary>
/// <remarks>
/// strace util.c string_quote (without -x): printable ASCII as is, <c>\"</c> and <c>\\</c>, the
/// letters \f \n \r \t \v, every other byte in octal with as few digits as possible, three when
/// the next character is an octal digit (so that <c>"\0" "1"</c> prints as <c>"\0001"</c>).
/// </remarks>
internal static class CStringWriter
{
    /// <summary>Appends <paramref name="bytes"/> in double quotes.</summary>
    public static void Write(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        sb.Append('"');
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            switch (b)
            {
                case (byte)'"':
                    sb.Append("\\\"");
                    break;
                case (byte)'\\':
                    sb.Append("\\\\");
                    break;
                case (byte)'\f':
                    sb.Append("\\f");
                    break;
                case (byte)'\n':
                    sb.Append("\\n");
                    break;
                case (byte)'\r':
                    sb.Append("\\r");
                    break;
                case (byte)'\t':
                    sb.Append("\\t");
                    break;
                case (byte)'\v':
                    sb.Append("\\v");
                    break;
                case >= 0x20 and <= 0x7e:
                    sb.Append((char)b);
                    break;
                default:
                    WriteOctal(sb, b, i + 1 < bytes.Length && bytes[i + 1] is >= (byte)'0' and <= (byte)'7');
                    break;
            }
        }

        sb.Append('"');
    }

    private static void WriteOctal(StringBuilder sb, byte b, bool full)
    {
        sb.Append('\\');
        if (full || b >= 64)
        {
            sb.Append((char)('0' + (b >> 6)));
        }

        if (full || b >= 8)
        {
            sb.Append((char)('0' + ((b >> 3) & 7)));
        }

        sb.Append((char)('0' + (b & 7)));
    }
}
