namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// What differs between the kernels the landlock design models, as values of one module: the ABI
/// version and errata the version queries return, and whether landlock_restrict_self takes ABI 7's
/// audit-logging flags.
/// </summary>
/// <param name="DesignName">The catalog name of the design that models this kernel.</param>
/// <param name="AbiVersion">LANDLOCK_ABI_VERSION.</param>
/// <param name="Errata">landlock_errata: bit N-1 for each erratum N fixed.</param>
/// <param name="HasRestrictSelfFlags">Whether restrict_self accepts LANDLOCK_RESTRICT_SELF_LOG_* (ABI 7).</param>
public sealed record LandlockRelease(string DesignName, int AbiVersion, int Errata, bool HasRestrictSelfFlags)
{
    /// <summary>
    /// Linux 6.12 as Debian's linux-source-6.12 has it: ABI 6, errata 1 to 4 (security/landlock/errata/abi-{1,4,6}.h).
    /// </summary>
    public static LandlockRelease Linux612 { get; } = new(LandlockDesign.Name, 6, 0xf, false);

    /// <summary>This machine's 6.18.44 kernel, checked with the runner: ABI 7, errata 0x7 (1 to 3).</summary>
    public static LandlockRelease Linux618 { get; } = new(Landlock618Design.Name, 7, 0x7, true);
}
