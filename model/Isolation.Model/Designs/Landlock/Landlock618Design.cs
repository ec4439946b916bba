namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// <c>landlock-6.18</c>: the same module as <c>landlock</c>, answering as this machine's 6.18 kernel
/// where a scenario can see the difference: ABI 7 and errata 0x7 from the version queries, and
/// landlock_restrict_self's audit-logging flags (accepted; audit itself is not modelled).
/// </summary>
/// <remarks>Checked on 6.18.44 with sim/runner; the differences are listed in README.md.</remarks>
public static class Landlock618Design
{
    /// <summary>The variant's name everywhere.</summary>
    public const string Name = "landlock-6.18";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "landlock as this machine's 6.18 answers: ABI 7 (restrict_self's logging flags), errata 0x7",
        LandlockDesign.Source + "; checked on 6.18",
        () => new LandlockModule(LandlockRelease.Linux618))
    {
        Entry = LandlockDesign.EntryMoves,
        Rules = LandlockDesign.Rules,
    };
}
