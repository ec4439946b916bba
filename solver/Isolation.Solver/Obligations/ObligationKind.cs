namespace Isolation.Solver.Obligations;

/// <summary>What an obligation asks.</summary>
public enum ObligationKind
{
    /// <summary>Every call the stated rule refuses, the design's hooks refuse.</summary>
    ClaimEnforced,

    /// <summary>A hook refuses only calls the stated rule refuses.</summary>
    WithinClaim,

    /// <summary>A transition of the design's state only adds restrictions.</summary>
    Monotonic,

    /// <summary>A stated invariant of a hook's rule holds for every input.</summary>
    Invariant,

    /// <summary>Every call one design refuses, the other refuses too (else: a call one permits and the other denies).</summary>
    Refinement,

    /// <summary>A rule the explorer treats as the caller's own reads no other task's or object's state.</summary>
    TaskLocal,

    /// <summary>A rule's decision does not change when two values its design's configuration does not mention are swapped.</summary>
    Symmetric,
}
