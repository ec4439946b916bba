namespace Isolation.Model.Designs.Baseline;

/// <summary>Linux without any of the designs: the classic DAC and capability rules, an empty LSM stack.</summary>
public static class BaselineDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "baseline";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "Linux without any of the designs: classic DAC and capability rules, no security module",
        "Linux 6.12",
        null);
}
