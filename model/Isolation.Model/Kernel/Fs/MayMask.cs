namespace Isolation.Model.Kernel.Fs;

/// <summary>The MAY_* bits of an inode permission check.</summary>
/// <remarks>include/linux/fs.h (6.12).</remarks>
public static class MayMask
{
    /// <summary>MAY_EXEC: execute a file, search a directory.</summary>
    public const int Exec = 0x1;
    /// <summary>MAY_WRITE</summary>
    public const int Write = 0x2;
    /// <summary>MAY_READ</summary>
    public const int Read = 0x4;
    /// <summary>MAY_APPEND</summary>
    public const int Append = 0x8;
    /// <summary>MAY_ACCESS: the check comes from access(2).</summary>
    public const int Access = 0x10;
    /// <summary>MAY_OPEN: the check comes from open(2).</summary>
    public const int Open = 0x20;

    /// <summary>MAY_READ|MAY_WRITE|MAY_EXEC: the bits the mode bits answer.</summary>
    public const int Rwx = Read | Write | Exec;
}
