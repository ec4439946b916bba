namespace Isolation.Model.Abi;

/// <summary>open(2) and fcntl(2) flags as x86-64 Linux numbers them.</summary>
/// <remarks>include/uapi/asm-generic/fcntl.h (6.12).</remarks>
public static class OpenFlags
{
    /// <summary>O_RDONLY</summary>
    public const int ReadOnly = 0;
    /// <summary>O_WRONLY</summary>
    public const int WriteOnly = 1;
    /// <summary>O_RDWR</summary>
    public const int ReadWrite = 2;
    /// <summary>O_ACCMODE: the access-mode bits.</summary>
    public const int AccessMode = 3;
    /// <summary>O_CREAT</summary>
    public const int Create = 0x40;
    /// <summary>O_EXCL</summary>
    public const int Exclusive = 0x80;
    /// <summary>O_NOCTTY</summary>
    public const int NoCtty = 0x100;
    /// <summary>O_TRUNC</summary>
    public const int Truncate = 0x200;
    /// <summary>O_APPEND</summary>
    public const int Append = 0x400;
    /// <summary>O_NONBLOCK</summary>
    public const int NonBlock = 0x800;
    /// <summary>O_DIRECTORY</summary>
    public const int Directory = 0x10000;
    /// <summary>O_NOFOLLOW</summary>
    public const int NoFollow = 0x20000;
    /// <summary>O_CLOEXEC</summary>
    public const int CloseOnExec = 0x80000;
    /// <summary>O_PATH</summary>
    public const int Path = 0x200000;

    /// <summary>The names strace prints for open flags; the access mode is printed first, by name.</summary>
    public static readonly SymbolTable Table = new(
        "open flag",
        ("O_RDONLY", ReadOnly), ("O_WRONLY", WriteOnly), ("O_RDWR", ReadWrite),
        ("O_CREAT", Create), ("O_EXCL", Exclusive), ("O_NOCTTY", NoCtty), ("O_TRUNC", Truncate),
        ("O_APPEND", Append), ("O_NONBLOCK", NonBlock), ("O_DIRECTORY", Directory),
        ("O_NOFOLLOW", NoFollow), ("O_CLOEXEC", CloseOnExec), ("O_PATH", Path),
        ("O_LARGEFILE", 0));
}
