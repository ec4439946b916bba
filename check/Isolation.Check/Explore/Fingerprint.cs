namespace Isolation.Check.Explore;

/// <summary>A 128-bit hash of a state's canonical form: two states with the same fingerprint are one state.</summary>
public readonly record struct Fingerprint(ulong High, ulong Low)
{
    /// <summary>Whether this fingerprint sorts before <paramref name="other"/> (the symmetry reduction keeps the least).</summary>
    public bool IsLessThan(Fingerprint other) => High != other.High ? High < other.High : Low < other.Low;
}
