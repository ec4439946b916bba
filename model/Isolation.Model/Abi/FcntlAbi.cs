namespace Isolation.Model.Abi;

/// <summary>fcntl(2) commands, descriptor flags and the *at(2) constants as x86-64 Linux numbers them.</summary>
/// <remarks>include/uapi/asm-generic/fcntl.h, include/uapi/linux/fcntl.h (6.12).</remarks>
public static class FcntlAbi
{
    /// <summary>F_DUPFD</summary>
    public const int DupFd = 0;
    /// <summary>F_GETFD</summary>
    public const int GetFd = 1;
    /// <summary>F_SETFD</summary>
    public const int SetFd = 2;
    /// <summary>F_GETFL</summary>
    public const int GetFl = 3;
    /// <summary>F_SETFL</summary>
    public const int SetFl = 4;
    /// <summary>F_SETOWN</summary>
    public const int SetOwn = 8;
    /// <summary>F_GETOWN</summary>
    public const int GetOwn = 9;
    /// <summary>F_DUPFD_CLOEXEC</summary>
    public const int DupFdCloexec = 1030;

    /// <summary>FD_CLOEXEC, the only descriptor flag.</summary>
    public const int FdCloexec = 1;

    /// <summary>O_LARGEFILE as f_flags carries it on x86-64 (open forces it: force_o_largefile).</summary>
    public const int LargeFile = 0x8000;

    /// <summary>
    /// SETFL_MASK: the status flags F_SETFL may change (O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME; O_NDELAY is O_NONBLOCK here).
    /// </summary>
    public const int SetflMask = OpenFlags.Append | OpenFlags.NonBlock | 0x4000 | 0x40000;

    /// <summary>AT_FDCWD: resolve relative to the working directory.</summary>
    public const int AtFdcwd = -100;
    /// <summary>AT_SYMLINK_NOFOLLOW</summary>
    public const int AtSymlinkNofollow = 0x100;
    /// <summary>AT_REMOVEDIR (unlinkat) — the same bit as AT_EACCESS (faccessat).</summary>
    public const int AtRemovedir = 0x200;
    /// <summary>AT_EACCESS (faccessat2): check with the effective ids.</summary>
    public const int AtEaccess = 0x200;
    /// <summary>AT_EMPTY_PATH</summary>
    public const int AtEmptyPath = 0x1000;

    /// <summary>F_OK</summary>
    public const int FOk = 0;
    /// <summary>X_OK</summary>
    public const int XOk = 1;
    /// <summary>W_OK</summary>
    public const int WOk = 2;
    /// <summary>R_OK</summary>
    public const int ROk = 4;

    /// <summary>The names strace prints for fcntl commands.</summary>
    public static readonly SymbolTable Commands = new(
        "fcntl command",
        ("F_DUPFD", DupFd), ("F_GETFD", GetFd), ("F_SETFD", SetFd), ("F_GETFL", GetFl), ("F_SETFL", SetFl),
        ("F_GETLK", 5), ("F_SETLK", 6), ("F_SETLKW", 7), ("F_SETOWN", SetOwn), ("F_GETOWN", GetOwn),
        ("F_SETSIG", 10), ("F_GETSIG", 11), ("F_DUPFD_CLOEXEC", DupFdCloexec));

    /// <summary>The descriptor flags (F_SETFD's argument, F_GETFD's answer).</summary>
    public static readonly SymbolTable DescriptorFlags = new("descriptor flag", ("FD_CLOEXEC", FdCloexec));

    /// <summary>
    /// The status flags as strace prints F_GETFL's answer and F_SETFL's argument: the access mode,
    /// then the status bits, O_LARGEFILE with its x86-64 value.
    /// </summary>
    public static readonly SymbolTable StatusFlags = new(
        "file status flag",
        ("O_RDONLY", OpenFlags.ReadOnly), ("O_WRONLY", OpenFlags.WriteOnly), ("O_RDWR", OpenFlags.ReadWrite),
        ("O_APPEND", OpenFlags.Append), ("O_NONBLOCK", OpenFlags.NonBlock), ("O_NDELAY", OpenFlags.NonBlock),
        ("O_DIRECT", 0x4000), ("O_LARGEFILE", LargeFile), ("O_DIRECTORY", OpenFlags.Directory),
        ("O_NOFOLLOW", OpenFlags.NoFollow), ("O_NOATIME", 0x40000), ("O_CLOEXEC", OpenFlags.CloseOnExec),
        ("O_PATH", OpenFlags.Path));

    /// <summary>The directory-descriptor argument of the *at calls: a number or AT_FDCWD.</summary>
    public static readonly SymbolTable DirFd = new("directory descriptor", ("AT_FDCWD", AtFdcwd));

    /// <summary>The flags of the *at calls.</summary>
    public static readonly SymbolTable AtFlags = new(
        "at flag",
        ("AT_SYMLINK_NOFOLLOW", AtSymlinkNofollow), ("AT_REMOVEDIR", AtRemovedir), ("AT_EACCESS", AtEaccess),
        ("AT_SYMLINK_FOLLOW", 0x400), ("AT_NO_AUTOMOUNT", 0x800), ("AT_EMPTY_PATH", AtEmptyPath));

    /// <summary>access(2) modes.</summary>
    public static readonly SymbolTable AccessModes = new(
        "access mode", ("F_OK", FOk), ("X_OK", XOk), ("W_OK", WOk), ("R_OK", ROk));

    /// <summary>lseek(2) whence values.</summary>
    public static readonly SymbolTable Whence = new("whence", ("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2));
}
