namespace Isolation.Model.Designs.Bsdjail;

/// <summary>
/// The jails a hook compares, as the numbers its rule reads: 0 for none, then 1, 2, … in order of
/// first appearance, so equal references get equal numbers. The hooks compare jail pointers only
/// for equality and for NULL, which these numbers keep exactly.
/// </summary>
internal static class JailIds
{
    /// <summary>The numbers of <paramref name="jails"/>, in order.</summary>
    public static UInt128[] Number(params Jail?[] jails)
    {
        var seen = new List<Jail>();
        var ids = new UInt128[jails.Length];
        for (var i = 0; i < jails.Length; i++)
        {
            if (jails[i] is not { } jail)
            {
                continue;
            }

            var at = seen.IndexOf(jail);
            if (at < 0)
            {
                seen.Add(jail);
                at = seen.Count - 1;
            }

            ids[i] = (UInt128)(at + 1);
        }

        return ids;
    }
}
