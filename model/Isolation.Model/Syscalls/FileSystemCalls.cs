using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fs;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>The file system calls that are not about one path's inode: getdents64, umask, mount.</summary>
/// <remarks>fs/readdir.c getdents64; kernel/sys.c umask; fs/namespace.c mount (6.12).</remarks>
internal static class FileSystemCalls
{
    /// <summary>Adds these calls to <paramref name="table"/> (called from <see cref="FileCalls.Register"/>).</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("getdents64", Getdents64);
        table.Register("umask", Umask);
        table.Register("mount", Mount);
    }

    // getdents64(3, [p1, p2], 32768) = 2 on /proc (the model's extension); ENOTDIR on a non-directory.
    private static SyscallOutcome Getdents64(SyscallContext ctx)
    {
        ctx.Arity(3);
        var file = ctx.File(0);
        if ((file.Flags & OpenFlags.Path) != 0)
        {
            return SyscallOutcome.Fail(Errno.EBADF);
        }

        return file.Object.Getdents(ctx, file, (int)ctx.Int(2));
    }

    // umask(077) = 022: the old mask, printed in octal.
    private static SyscallOutcome Umask(SyscallContext ctx)
    {
        ctx.Arity(1);
        var old = ctx.Caller.Umask;
        ctx.Caller.Umask = (int)ctx.Flags(0, FileModes.Table) & FileModes.Permissions;
        var text = FileModes.Octal(old);
        return SyscallOutcome.Ok() with { Result = new ValueResult(old, text.Text, null, SourceSpan.None) };
    }

    // mount("none", "/tmp/d", "tmpfs", MS_NOSUID|MS_NODEV, "size=1m"); NULL for an absent source, type or data.
    private static SyscallOutcome Mount(SyscallContext ctx)
    {
        ctx.Arity(5);
        var source = ctx.IsNull(0) ? null : ctx.Text(0);
        var fsType = ctx.IsNull(2) ? null : ctx.Text(2);
        var error = MountOps.Mount(ctx.Kernel, ctx.Caller, source, ctx.Text(1), fsType, ctx.Flags(3, MountAbi.Flags));
        return error == Errno.None ? SyscallOutcome.Ok() : SyscallOutcome.Fail(error);
    }
}
