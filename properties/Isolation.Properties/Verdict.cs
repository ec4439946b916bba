namespace Isolation.Properties;

/// <summary>What a property says about a run so far: it holds, or the step that violated it and why.</summary>
public sealed record Verdict(bool Holds, int Step, string Reason)
{
    /// <summary>The property holds.</summary>
    public static Verdict Hold { get; } = new(true, -1, string.Empty);

    /// <summary>The property was violated at step <paramref name="step"/> (0-based event index).</summary>
    public static Verdict Violated(int step, string reason) => new(false, step, reason);
}
