using Isolation.Model.Abi;

namespace Isolation.Model.Kernel.Creds;

/// <summary>A set of capabilities (a kernel_cap_t).</summary>
public readonly record struct CapSet(ulong Bits)
{
    /// <summary>Every capability Linux 6.12 defines (CAP_LAST_CAP is CAP_CHECKPOINT_RESTORE).</summary>
    public static readonly CapSet Full = new((1UL << ((int)Capability.CheckpointRestore + 1)) - 1);

    /// <summary>No capability.</summary>
    public static readonly CapSet Empty = new(0);

    /// <summary>Whether <paramref name="cap"/> is in the set.</summary>
    public bool Has(Capability cap) => (Bits & (1UL << (int)cap)) != 0;

    /// <summary>The set with <paramref name="cap"/> added.</summary>
    public CapSet With(Capability cap) => new(Bits | (1UL << (int)cap));

    /// <summary>The set with <paramref name="cap"/> removed.</summary>
    public CapSet Without(Capability cap) => new(Bits & ~(1UL << (int)cap));

    /// <summary>Whether every capability here is also in <paramref name="other"/> (cap_issubset).</summary>
    public bool IsSubsetOf(CapSet other) => (Bits & ~other.Bits) == 0;

    /// <summary>The capabilities in either set (cap_combine).</summary>
    public CapSet Union(CapSet other) => new(Bits | other.Bits);

    /// <summary>The capabilities in both sets.</summary>
    public CapSet Intersect(CapSet other) => new(Bits & other.Bits);
}
