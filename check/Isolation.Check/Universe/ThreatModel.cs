using System.Collections.Immutable;

namespace Isolation.Check.Universe;

/// <summary>
/// Who the attacker is and what it may call. By default the attacker controls p1 and every process
/// it makes: those it restricts and the unrestricted ones it forks before restricting itself. With
/// <see cref="Colluder"/>, p1 is instead an unrestricted process outside that colludes (it never
/// enters the design), and the attacker's processes descend from its child p2.
/// </summary>
/// <param name="Families">The call families the attacker's processes may use (<c>entry</c> included or not).</param>
/// <param name="Colluder">Whether a colluding unrestricted process outside takes part.</param>
public sealed record ThreatModel(ImmutableArray<string> Families, bool Colluder)
{
    /// <summary>Every family, no colluder.</summary>
    public static ThreatModel Default { get; } = new([.. CallFamilies.Names], Colluder: false);

    /// <summary>The logical name of the colluder when there is one.</summary>
    public const string ColluderName = "p1";

    /// <summary>The calls that start every program: with a colluder, p1 makes the attacker's first process.</summary>
    public ImmutableArray<string> Prologue => Colluder ? ["p1 fork() = p2"] : [];

    /// <summary>Whether <paramref name="process"/> may make moves of <paramref name="family"/>.</summary>
    public bool Allows(string process, string family) =>
        Families.Contains(family) && !(Colluder && process == ColluderName && family == CallFamilies.Entry);

    /// <summary>One line for reports.</summary>
    public string Describe() =>
        $"attacker: every process{(Colluder ? " but the colluder p1 (unrestricted, never enters the design)" : "")}; families: {string.Join(", ", Families)}";
}
