namespace Isolation.Model.Lsm;

/// <summary>The mode of a ptrace access check.</summary>
/// <remarks>include/linux/ptrace.h (6.12): PTRACE_MODE_READ/ATTACH with FSCREDS/REALCREDS.</remarks>
[Flags]
public enum PtraceMode
{
    /// <summary>PTRACE_MODE_READ: reading /proc/pid entries.</summary>
    Read = 0x01,

    /// <summary>PTRACE_MODE_ATTACH: attaching with ptrace.</summary>
    Attach = 0x02,

    /// <summary>PTRACE_MODE_NOAUDIT.</summary>
    NoAudit = 0x04,

    /// <summary>PTRACE_MODE_FSCREDS: check the caller's fsuid/fsgid.</summary>
    FsCreds = 0x08,

    /// <summary>PTRACE_MODE_REALCREDS: check the caller's real uid/gid.</summary>
    RealCreds = 0x10,
}
