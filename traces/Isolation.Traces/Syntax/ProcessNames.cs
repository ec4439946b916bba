namespace Isolation.Traces.Syntax;

/// <summary>Logical process names: <c>p1</c>, <c>p2</c>, … (a <c>p</c> and a number without leading zero).</summary>
public static class ProcessNames
{
    /// <summary>The name of the first process of every trace.</summary>
    public const string First = "p1";

    /// <summary>True if <paramref name="name"/> is a well-formed logical process name.</summary>
    public static bool IsValid(string name) =>
        name.Length >= 2 && name[0] == 'p' && name[1] is >= '1' and <= '9' && !name.AsSpan(2).ContainsAnyExceptInRange('0', '9');

    /// <summary>The logical name for the <paramref name="ordinal"/>-th process (1-based).</summary>
    public static string Of(int ordinal) => "p" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a process name at the cursor, or throws at it.</summary>
    internal static string Read(LineCursor c)
    {
        int start = c.Position;
        int end = start;
        while (LineCursor.IsIdentifierPart(c.CharAt(end)))
        {
            end++;
        }

        string name = c.Names.Get(c.Text.AsSpan(start, end - start));
        if (name.Length == 0)
        {
            throw c.Unexpected("a process name (p1, p2, …)");
        }

        if (!IsValid(name))
        {
            throw c.Error(start, $"bad process name '{(name.Length > 40 ? name[..40] + "…" : name)}' (expected p1, p2, …)");
        }

        c.Position = end;
        return name;
    }
}
