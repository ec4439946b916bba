namespace Isolation.Model.Abi;

/// <summary>mount(2) flags as Linux numbers them.</summary>
/// <remarks>include/uapi/linux/mount.h (6.12).</remarks>
public static class MountAbi
{
    /// <summary>MS_REMOUNT</summary>
    public const long Remount = 0x20;
    /// <summary>MS_BIND</summary>
    public const long Bind = 0x1000;
    /// <summary>MS_MOVE</summary>
    public const long Move = 0x2000;
    /// <summary>MS_REC</summary>
    public const long Rec = 0x4000;
    /// <summary>MS_UNBINDABLE, MS_PRIVATE, MS_SLAVE, MS_SHARED: the propagation changes.</summary>
    public const long Propagation = 0x20000 | 0x40000 | 0x80000 | 0x100000;
    /// <summary>MS_NOUSER: never valid from user space.</summary>
    public const long NoUser = 1L << 31;
    /// <summary>MS_MGC_MSK: the old magic number in the top half.</summary>
    public const long MagicMask = 0xffff0000;
    /// <summary>MS_MGC_VAL</summary>
    public const long MagicValue = 0xC0ED0000;

    /// <summary>The names strace prints for mount flags.</summary>
    public static readonly SymbolTable Flags = new(
        "mount flag",
        ("MS_RDONLY", 0x1), ("MS_NOSUID", 0x2), ("MS_NODEV", 0x4), ("MS_NOEXEC", 0x8),
        ("MS_SYNCHRONOUS", 0x10), ("MS_REMOUNT", Remount), ("MS_MANDLOCK", 0x40), ("MS_DIRSYNC", 0x80),
        ("MS_NOSYMFOLLOW", 0x100), ("MS_NOATIME", 0x400), ("MS_NODIRATIME", 0x800), ("MS_BIND", Bind),
        ("MS_MOVE", Move), ("MS_REC", Rec), ("MS_SILENT", 0x8000), ("MS_POSIXACL", 0x10000),
        ("MS_UNBINDABLE", 0x20000), ("MS_PRIVATE", 0x40000), ("MS_SLAVE", 0x80000), ("MS_SHARED", 0x100000),
        ("MS_RELATIME", 0x200000), ("MS_KERNMOUNT", 0x400000), ("MS_I_VERSION", 0x800000),
        ("MS_STRICTATIME", 0x1000000), ("MS_LAZYTIME", 0x2000000), ("MS_NOUSER", NoUser),
        ("MS_MGC_VAL", MagicValue));

    /// <summary>The file system types the model's kernel has (get_fs_type succeeds); any other is ENODEV.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "tmpfs", "ramfs", "proc", "sysfs", "devpts", "mqueue", "cgroup", "cgroup2", "devtmpfs",
    };
}
