namespace Isolation.Model.Abi;

/// <summary>The securebits of a credential (prctl PR_SET_SECUREBITS), as Linux numbers them.</summary>
/// <remarks>include/uapi/linux/securebits.h (6.12).</remarks>
public static class Securebits
{
    /// <summary>SECBIT_NOROOT: uid 0 gets no capabilities from exec.</summary>
    public const int NoRoot = 1 << 0;
    /// <summary>SECBIT_NO_SETUID_FIXUP: uid changes leave capabilities alone.</summary>
    public const int NoSetuidFixup = 1 << 2;
    /// <summary>SECBIT_KEEP_CAPS: a change away from uid 0 keeps the permitted set.</summary>
    public const int KeepCaps = 1 << 4;
    /// <summary>SECBIT_KEEP_CAPS_LOCKED</summary>
    public const int KeepCapsLocked = 1 << 5;
    /// <summary>SECBIT_NO_CAP_AMBIENT_RAISE: PR_CAP_AMBIENT_RAISE is refused.</summary>
    public const int NoCapAmbientRaise = 1 << 6;

    /// <summary>SECURE_ALL_BITS: the four settable bits.</summary>
    public const int AllBits = NoRoot | NoSetuidFixup | KeepCaps | NoCapAmbientRaise;

    /// <summary>SECURE_ALL_LOCKS: the lock bit of each, one place higher.</summary>
    public const int AllLocks = AllBits << 1;

    /// <summary>The SECBIT_* names strace prints.</summary>
    public static readonly (string Name, long Value)[] Names =
    [
        ("SECBIT_NOROOT", NoRoot), ("SECBIT_NOROOT_LOCKED", 1 << 1), ("SECBIT_NO_SETUID_FIXUP", NoSetuidFixup),
        ("SECBIT_NO_SETUID_FIXUP_LOCKED", 1 << 3), ("SECBIT_KEEP_CAPS", KeepCaps), ("SECBIT_KEEP_CAPS_LOCKED", KeepCapsLocked),
        ("SECBIT_NO_CAP_AMBIENT_RAISE", NoCapAmbientRaise), ("SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED", 1 << 7),
    ];
}
