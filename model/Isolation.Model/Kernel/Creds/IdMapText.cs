namespace Isolation.Model.Kernel.Creds;

/// <summary>The text of a uid_map or gid_map write: lines of <c>inside outside count</c>, as map_write parses them.</summary>
/// <remarks>kernel/user_namespace.c map_write, mappings_overlap (6.12); lib/string.c skip_spaces.</remarks>
internal static class IdMapText
{
    /// <summary>A write must be shorter than a page.</summary>
    public const int PageSize = 4096;

    /// <summary>UID_GID_MAP_MAX_EXTENTS.</summary>
    public const int MaxExtents = 340;

    /// <summary>Whether <paramref name="text"/> holds only what skip_spaces skips.</summary>
    public static bool IsBlank(string text) => text.All(IsSpace);

    /// <summary>
    /// The extents written (outside ids still as the parent namespace sees them), or null for
    /// EINVAL: a malformed line, trailing junk, id (u32)-1, a zero or wrapping count, overlapping
    /// ranges, more than 340 lines, or no line at all.
    /// </summary>
    public static List<IdMapping>? Parse(string text)
    {
        var extents = new List<IdMapping>();
        var lines = text.Split('\n');

        // A final newline ends the last line rather than starting an empty one.
        var count = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var pos = 0;
            var line = lines[i];
            var first = Number(line, ref pos);
            if (pos >= line.Length || !IsSpace(line[pos]))
            {
                return null;
            }

            var lower = Number(line, ref pos);
            if (pos >= line.Length || !IsSpace(line[pos]))
            {
                return null;
            }

            var length = Number(line, ref pos);
            if (!IsBlank(line[pos..]))
            {
                return null;
            }

            if (first == uint.MaxValue || lower == uint.MaxValue ||
                first + (ulong)length > uint.MaxValue || lower + (ulong)length > uint.MaxValue || length == 0)
            {
                return null;
            }

            var extent = new IdMapping(unchecked((int)first), unchecked((int)lower), unchecked((int)length));
            if (extents.Any(e => Overlaps(e, extent)) || (extents.Count + 1 == MaxExtents && i + 1 < count))
            {
                return null;
            }

            extents.Add(extent);
        }

        return extents.Count == 0 ? null : extents;
    }

    // skip_spaces then simple_strtoul(base 10) truncated to u32: no digits reads as 0 and moves nowhere.
    private static uint Number(string line, ref int pos)
    {
        while (pos < line.Length && IsSpace(line[pos]))
        {
            pos++;
        }

        ulong v = 0;
        while (pos < line.Length && line[pos] is >= '0' and <= '9')
        {
            v = unchecked((v * 10) + (ulong)(line[pos] - '0'));
            pos++;
        }

        return unchecked((uint)v);
    }

    private static bool Overlaps(IdMapping a, IdMapping b) =>
        RangesMeet((uint)a.Inside, (uint)a.Count, (uint)b.Inside, (uint)b.Count) ||
        RangesMeet((uint)a.Outside, (uint)a.Count, (uint)b.Outside, (uint)b.Count);

    private static bool RangesMeet(uint aFirst, uint aCount, uint bFirst, uint bCount) =>
        aFirst <= bFirst + bCount - 1 && aFirst + aCount - 1 >= bFirst;

    // The kernel's isspace: space, \t, \n, \v, \f, \r.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
