using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// The path calls: open/openat/creat, mkdir, mknod, chmod, chown, unlink, rmdir, access, stat,
/// and (in <see cref="FileSystemCalls"/>) getdents64, umask and mount. A relative path starts at
/// the directory descriptor, or at <c>/</c> for AT_FDCWD (every model process works in <c>/</c>).
/// </summary>
/// <remarks>fs/open.c, fs/namei.c, fs/stat.c (6.12): the syscall entry points and their argument checks.</remarks>
internal static class FileCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("open", ctx => Open(ctx, -1, 0));
        table.Register("openat", ctx => Open(ctx, 0, 1));
        table.Register("creat", Creat);
        table.Register("mkdir", ctx => Mkdir(ctx, -1, 0));
        table.Register("mkdirat", ctx => Mkdir(ctx, 0, 1));
        table.Register("mknod", ctx => Mknod(ctx, -1, 0));
        table.Register("mknodat", ctx => Mknod(ctx, 0, 1));
        table.Register("chmod", ctx => Chmod(ctx, -1, 0));
        table.Register("fchmodat", ctx => Chmod(ctx, 0, 1));
        table.Register("fchmod", Fchmod);
        table.Register("chown", ctx => Chown(ctx, -1, 0));
        table.Register("lchown", ctx => Chown(ctx, -1, 0));
        table.Register("fchownat", ctx => Chown(ctx, 0, 1));
        table.Register("fchown", Fchown);
        table.Register("unlink", ctx => Unlink(ctx, -1, 0, 0));
        table.Register("unlinkat", ctx => Unlink(ctx, 0, 1, (int)ctx.Flags(2, FcntlAbi.AtFlags)));
        table.Register("rmdir", ctx => Unlink(ctx, -1, 0, FcntlAbi.AtRemovedir));
        table.Register("access", ctx => Access(ctx, -1, 0));
        table.Register("faccessat", ctx => Access(ctx, 0, 1));
        table.Register("faccessat2", ctx => Access(ctx, 0, 1));
        table.Register("stat", ctx => Stat(ctx, -1, 0));
        table.Register("lstat", ctx => Stat(ctx, -1, 0));
        table.Register("newfstatat", ctx => Stat(ctx, 0, 1));
        table.Register("fstat", Fstat);
        FileSystemCalls.Register(table);
    }

    /// <summary>
    /// The inode a path starts from (path_init): <c>/</c> for an absolute path (the descriptor is
    /// not even looked at) or AT_FDCWD; else the descriptor's directory (EBADF, ENOTDIR). An empty
    /// path is ENOENT before anything else (getname).
    /// </summary>
    public static Inode Start(SyscallContext ctx, int dirFdIndex, string path)
    {
        if (path.Length == 0)
        {
            throw new KernelError(Errno.ENOENT);
        }

        if (path[0] == '/' || dirFdIndex < 0 || ctx.Flags(dirFdIndex, FcntlAbi.DirFd) == FcntlAbi.AtFdcwd)
        {
            return ctx.Kernel.Fs.Root;
        }

        var inode = ctx.File(dirFdIndex).Object.Inode;
        return inode is { IsDirectory: true } ? inode : throw new KernelError(Errno.ENOTDIR);
    }

    // open("/tmp/x", O_WRONLY|O_CREAT|O_TRUNC, 0644), openat(AT_FDCWD, …): the descriptor is
    // reserved first (EMFILE before any path error), then do_filp_open.
    private static SyscallOutcome Open(SyscallContext ctx, int dirFd, int pathIndex)
    {
        ctx.Arity(pathIndex + 2, pathIndex + 3);
        var flags = (int)ctx.Flags(pathIndex + 1, OpenFlags.Table);
        var mode = ctx.Has(pathIndex + 2) ? (int)ctx.Flags(pathIndex + 2, FileModes.Table) : 0;
        return OpenPath(ctx, dirFd, pathIndex, flags, mode);
    }

    // creat(path, mode) is open(path, O_CREAT|O_WRONLY|O_TRUNC, mode).
    private static SyscallOutcome Creat(SyscallContext ctx)
    {
        ctx.Arity(2);
        return OpenPath(ctx, -1, 0, OpenFlags.Create | OpenFlags.WriteOnly | OpenFlags.Truncate, (int)ctx.Flags(1, FileModes.Table));
    }

    private static SyscallOutcome OpenPath(SyscallContext ctx, int dirFd, int pathIndex, int flags, int mode)
    {
        if (!Descriptors.HasFree(ctx.Caller))
        {
            return SyscallOutcome.Fail(Errno.EMFILE);
        }

        var path = ctx.Text(pathIndex);
        var error = OpenOps.Open(ctx, Start(ctx, dirFd, path), path, flags, mode, out var file);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        var (fd, installError) = Descriptors.Install(ctx.Caller, file!, (flags & OpenFlags.CloseOnExec) != 0);
        return installError != Errno.None ? SyscallOutcome.Fail(installError) : SyscallOutcome.Ok(fd);
    }

    // mkdir("/tmp/d", 0755), mkdirat(AT_FDCWD, "/tmp/d", 0755).
    private static SyscallOutcome Mkdir(SyscallContext ctx, int dirFd, int pathIndex)
    {
        ctx.Arity(pathIndex + 2);
        var path = ctx.Text(pathIndex);
        return Result(NameOps.Mkdir(ctx.Kernel, ctx.Caller, Start(ctx, dirFd, path), path, (int)ctx.Flags(pathIndex + 1, FileModes.Table)));
    }

    // mknodat(AT_FDCWD, "/tmp/n", S_IFCHR|0666, makedev(0x1, 0x3)); strace omits the device for other types.
    private static SyscallOutcome Mknod(SyscallContext ctx, int dirFd, int pathIndex)
    {
        ctx.Arity(pathIndex + 2, pathIndex + 3);
        var path = ctx.Text(pathIndex);
        var mode = (int)ctx.Flags(pathIndex + 1, FileModes.Table);
        var dev = ctx.Has(pathIndex + 2) ? FileModes.DecodeDevice(ctx.Arg(pathIndex + 2)) : 0;
        return Result(NameOps.Mknod(ctx.Kernel, ctx.Caller, Start(ctx, dirFd, path), path, mode, dev));
    }

    // chmod("/tmp/x", 04755), fchmodat(AT_FDCWD, "/tmp/x", 0644).
    private static SyscallOutcome Chmod(SyscallContext ctx, int dirFd, int pathIndex)
    {
        ctx.Arity(pathIndex + 2, pathIndex + 3);
        var inode = Lookup(ctx, dirFd, pathIndex);
        return Result(AttrOps.Chmod(ctx.Kernel, ctx.Caller, inode, (int)ctx.Flags(pathIndex + 1, FileModes.Table)));
    }

    // fchmod(3, 0600).
    private static SyscallOutcome Fchmod(SyscallContext ctx)
    {
        ctx.Arity(2);
        return Result(AttrOps.Chmod(ctx.Kernel, ctx.Caller, FileInode(ctx, 0), (int)ctx.Flags(1, FileModes.Table)));
    }

    // chown("/tmp/x", 1000, 1000), fchownat(AT_FDCWD, "/tmp/x", 0, -1, 0): EINVAL for unknown flags first.
    private static SyscallOutcome Chown(SyscallContext ctx, int dirFd, int pathIndex)
    {
        ctx.Arity(pathIndex + 3, pathIndex + 4);
        if (ctx.Has(pathIndex + 3) && (ctx.Flags(pathIndex + 3, FcntlAbi.AtFlags) & ~(FcntlAbi.AtSymlinkNofollow | FcntlAbi.AtEmptyPath)) != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var inode = Lookup(ctx, dirFd, pathIndex);
        return Result(AttrOps.Chown(ctx.Kernel, ctx.Caller, inode, (int)ctx.Int(pathIndex + 1), (int)ctx.Int(pathIndex + 2)));
    }

    // fchown(3, 1000, -1).
    private static SyscallOutcome Fchown(SyscallContext ctx)
    {
        ctx.Arity(3);
        return Result(AttrOps.Chown(ctx.Kernel, ctx.Caller, FileInode(ctx, 0), (int)ctx.Int(1), (int)ctx.Int(2)));
    }

    // unlink, rmdir, unlinkat(AT_FDCWD, "/tmp/d", AT_REMOVEDIR): EINVAL for other flags.
    private static SyscallOutcome Unlink(SyscallContext ctx, int dirFd, int pathIndex, int flags)
    {
        ctx.Arity(pathIndex + 1, pathIndex + 2);
        if ((flags & ~FcntlAbi.AtRemovedir) != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var path = ctx.Text(pathIndex);
        var start = Start(ctx, dirFd, path);
        return Result((flags & FcntlAbi.AtRemovedir) != 0
            ? NameOps.Rmdir(ctx.Kernel, ctx.Caller, start, path)
            : NameOps.Unlink(ctx.Kernel, ctx.Caller, start, path));
    }

    // access("/tmp/x", R_OK|W_OK), faccessat(AT_FDCWD, …, X_OK), faccessat2(AT_FDCWD, …, R_OK, AT_EACCESS).
    private static SyscallOutcome Access(SyscallContext ctx, int dirFd, int pathIndex)
    {
        ctx.Arity(pathIndex + 2, pathIndex + 3);
        var path = ctx.Text(pathIndex);
        var mode = (int)ctx.Flags(pathIndex + 1, FcntlAbi.AccessModes);
        var flags = ctx.Has(pathIndex + 2) ? (int)ctx.Flags(pathIndex + 2, FcntlAbi.AtFlags) : 0;
        return Result(AttrOps.Access(ctx.Kernel, ctx.Caller, Start(ctx, dirFd, path), path, mode, flags));
    }

    // stat("/tmp", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=40, ...}), newfstatat(AT_FDCWD, …, 0);
    // newfstatat(3, "", …, AT_EMPTY_PATH) is fstat.
    private static SyscallOutcome Stat(SyscallContext ctx, int dirFd, int pathIndex)
    {
        ctx.Arity(pathIndex + 2, pathIndex + 3);
        var path = ctx.Text(pathIndex);
        var emptyPath = ctx.Has(pathIndex + 2) && (ctx.Flags(pathIndex + 2, FcntlAbi.AtFlags) & FcntlAbi.AtEmptyPath) != 0;
        var inode = path.Length == 0 && emptyPath
            ? (dirFd >= 0 && ctx.Flags(dirFd, FcntlAbi.DirFd) != FcntlAbi.AtFdcwd ? FileInode(ctx, dirFd) : ctx.Kernel.Fs.Root)
            : Lookup(ctx, dirFd, pathIndex);
        return StatResult(ctx, inode, pathIndex + 1);
    }

    // fstat(3, {st_mode=S_IFSOCK|0777, st_size=0, ...}).
    private static SyscallOutcome Fstat(SyscallContext ctx)
    {
        ctx.Arity(2);
        return StatResult(ctx, FileInode(ctx, 0), 1);
    }

    private static SyscallOutcome StatResult(SyscallContext ctx, Inode inode, int outputIndex)
    {
        var error = AttrOps.Stat(ctx.Kernel, ctx.Caller, inode, out var rendered);
        return error != Errno.None ? SyscallOutcome.Fail(error) : SyscallOutcome.Ok().WithOutput(outputIndex, rendered!);
    }

    // user_path_at: the whole lookup, mounts followed.
    private static Inode Lookup(SyscallContext ctx, int dirFd, int pathIndex)
    {
        var path = ctx.Text(pathIndex);
        var error = PathWalk.Resolve(ctx.Kernel, ctx.Caller, Start(ctx, dirFd, path), path, out var inode);
        return error != Errno.None ? throw new KernelError(error) : inode!;
    }

    // The inode behind a descriptor; a socket's is S_IFSOCK|0777 (sock_alloc).
    private static Inode FileInode(SyscallContext ctx, int index)
    {
        var obj = ctx.File(index).Object;
        return obj.Inode ?? (obj is Socket
            ? new Inode(FileModes.Socket | FileModes.Permissions, ctx.Caller.Cred.Fsuid, ctx.Caller.Cred.Fsgid)
            : throw ctx.Error(ctx.Arg(index), "this descriptor has no inode in the model"));
    }

    private static SyscallOutcome Result(Errno error) => error == Errno.None ? SyscallOutcome.Ok() : SyscallOutcome.Fail(error);
}
