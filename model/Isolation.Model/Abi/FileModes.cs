using System.Collections.Immutable;
using System.Globalization;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Abi;

/// <summary>File types and permission bits of <c>st_mode</c>, and their strace spelling.</summary>
/// <remarks>include/uapi/linux/stat.h (6.12); strace's print_symbolic_mode_t.</remarks>
public static class FileModes
{
    /// <summary>S_IFMT: the type bits.</summary>
    public const int TypeMask = 0xF000;
    /// <summary>S_IFSOCK</summary>
    public const int Socket = 0xC000;
    /// <summary>S_IFLNK</summary>
    public const int Symlink = 0xA000;
    /// <summary>S_IFREG</summary>
    public const int Regular = 0x8000;
    /// <summary>S_IFBLK</summary>
    public const int BlockDevice = 0x6000;
    /// <summary>S_IFDIR</summary>
    public const int Directory = 0x4000;
    /// <summary>S_IFCHR</summary>
    public const int CharDevice = 0x2000;
    /// <summary>S_IFIFO</summary>
    public const int Fifo = 0x1000;
    /// <summary>S_ISUID</summary>
    public const int SetUid = 0x800;
    /// <summary>S_ISGID</summary>
    public const int SetGid = 0x400;
    /// <summary>S_ISVTX: the sticky bit.</summary>
    public const int Sticky = 0x200;
    /// <summary>S_IRWXUGO: the nine permission bits.</summary>
    public const int Permissions = 0x1FF;
    /// <summary>S_IALLUGO: the permission bits and the three special bits.</summary>
    public const int AllBits = 0xFFF;
    /// <summary>S_IXGRP</summary>
    public const int GroupExec = 0x8;
    /// <summary>S_IXUGO: any execute bit.</summary>
    public const int AnyExec = 0x49;

    /// <summary>The names a mode argument may use (<c>S_IFCHR|0666</c>).</summary>
    public static readonly SymbolTable Table = new(
        "file mode",
        ("S_IFSOCK", Socket), ("S_IFLNK", Symlink), ("S_IFREG", Regular), ("S_IFBLK", BlockDevice),
        ("S_IFDIR", Directory), ("S_IFCHR", CharDevice), ("S_IFIFO", Fifo),
        ("S_ISUID", SetUid), ("S_ISGID", SetGid), ("S_ISVTX", Sticky));

    private static readonly ImmutableArray<(string Name, int Value)> TypeNames =
    [
        ("S_IFSOCK", Socket), ("S_IFLNK", Symlink), ("S_IFREG", Regular), ("S_IFBLK", BlockDevice),
        ("S_IFDIR", Directory), ("S_IFCHR", CharDevice), ("S_IFIFO", Fifo),
    ];

    /// <summary>The type bits of <paramref name="mode"/>.</summary>
    public static int TypeOf(int mode) => mode & TypeMask;

    /// <summary>An octal literal as strace prints modes (<c>%#03o</c>): <c>0755</c>, <c>022</c>, <c>000</c>.</summary>
    public static IntExpr Octal(long value) =>
        new(value, (value == 0 ? "0" : "0" + Convert.ToString(value, 8)).PadLeft(3, '0'), SourceSpan.None);

    /// <summary>
    /// <c>st_mode</c> as strace prints it: <c>S_IFDIR|S_ISVTX|0777</c> (type, special bits by name,
    /// the permission bits in octal).
    /// </summary>
    public static Expr RenderStatMode(int mode)
    {
        var terms = ImmutableArray.CreateBuilder<Expr>();
        foreach (var (name, value) in TypeNames)
        {
            if (TypeOf(mode) == value)
            {
                terms.Add(SymbolExpr.Of(name));
            }
        }

        foreach (var (name, bit) in new[] { ("S_ISUID", SetUid), ("S_ISGID", SetGid), ("S_ISVTX", Sticky) })
        {
            if ((mode & bit) != 0)
            {
                terms.Add(SymbolExpr.Of(name));
            }
        }

        terms.Add(Octal(mode & Permissions));
        return terms.Count == 1 ? terms[0] : new OrExpr(terms.ToImmutable(), SourceSpan.None);
    }

    /// <summary>A device number as strace prints it: <c>makedev(0x1, 0x3)</c>.</summary>
    public static Expr RenderDevice(long dev) =>
        new CallExpr("makedev", [Hex(Major(dev)), Hex(Minor(dev))], SourceSpan.None);

    /// <summary>Reads a device argument: <c>makedev(0x1, 0x3)</c> or a number.</summary>
    public static long DecodeDevice(Expr expr) => expr switch
    {
        CallExpr { Function: "makedev", Args: [IntExpr major, IntExpr minor] } => MakeDev(major.Value, minor.Value),
        IntExpr i => i.Value,
        SymbolExpr { Name: "NULL" } => 0,
        _ => throw new TraceException(expr.Span, "expected a device number such as makedev(0x1, 0x3)"),
    };

    /// <summary>new_encode_dev's inverse pair: the major number.</summary>
    public static long Major(long dev) => ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffL);

    /// <summary>The minor number.</summary>
    public static long Minor(long dev) => (dev & 0xff) | ((dev >> 12) & ~0xffL);

    /// <summary>glibc's makedev.</summary>
    public static long MakeDev(long major, long minor) =>
        ((major & 0xfff) << 8) | ((major & ~0xfffL) << 32) | (minor & 0xff) | ((minor & ~0xffL) << 12);

    private static IntExpr Hex(long v) => new(v, "0x" + v.ToString("x", CultureInfo.InvariantCulture), SourceSpan.None);
}
