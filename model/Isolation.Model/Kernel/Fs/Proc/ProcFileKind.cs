namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>Which /proc/&lt;pid&gt; file a <see cref="ProcEntry"/> is.</summary>
public enum ProcFileKind
{
    /// <summary><c>status</c> (0444).</summary>
    Status,

    /// <summary><c>environ</c> (0400, PTRACE_MODE_READ to open).</summary>
    Environ,

    /// <summary><c>mem</c> (0600, PTRACE_MODE_ATTACH to open).</summary>
    Mem,

    /// <summary><c>uid_map</c> (0644).</summary>
    UidMap,

    /// <summary><c>gid_map</c> (0644).</summary>
    GidMap,

    /// <summary><c>setgroups</c> (0644; CAP_SYS_ADMIN over the namespace to open for writing).</summary>
    Setgroups,

    /// <summary>A file of <c>attr/</c>.</summary>
    Attr,
}
