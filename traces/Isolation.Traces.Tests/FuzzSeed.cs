using System.Globalization;

namespace Isolation.Traces.Tests;

/// <summary>The seed of the randomized tests: ISOLATION_FUZZ_SEED if set, else a fixed value.</summary>
internal static class FuzzSeed
{
    /// <summary>The fixed seed used when the environment does not give one.</summary>
    public const ulong Default = 20241122;

    /// <summary>The seed to use.</summary>
    public static ulong Get() =>
        ulong.TryParse(Environment.GetEnvironmentVariable("ISOLATION_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong seed) ? seed : Default;
}
