using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>The descriptor calls: close, dup, dup2, dup3, fcntl, read, write, lseek.</summary>
/// <remarks>fs/file.c close_fd, ksys_dup3, dup2, f_dupfd; fs/fcntl.c do_fcntl, setfl, f_setown;
/// fs/read_write.c vfs_read, vfs_write, vfs_llseek (6.12).</remarks>
internal static class FdCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("close", Close);
        table.Register("dup", Dup);
        table.Register("dup2", Dup2);
        table.Register("dup3", Dup3);
        table.Register("fcntl", Fcntl);
        table.Register("read", Read);
        table.Register("write", Write);
        table.Register("lseek", Lseek);
    }

    // close(3): EBADF when not open; the last reference releases the file.
    private static SyscallOutcome Close(SyscallContext ctx)
    {
        ctx.Arity(1);
        var file = ctx.Caller.Files.Remove(ctx.Fd(0)) ?? throw new KernelError(Errno.EBADF);
        ctx.Kernel.PutFile(file);
        return SyscallOutcome.Ok();
    }

    // dup(3): the lowest free descriptor, without FD_CLOEXEC.
    private static SyscallOutcome Dup(SyscallContext ctx)
    {
        ctx.Arity(1);
        var (fd, error) = Descriptors.Install(ctx.Caller, ctx.File(0), closeOnExec: false);
        return error != Errno.None ? SyscallOutcome.Fail(error) : SyscallOutcome.Ok(fd);
    }

    // dup2(3, 3) answers 3 if 3 is open (EBADF if not); otherwise it is dup3 without flags.
    private static SyscallOutcome Dup2(SyscallContext ctx)
    {
        ctx.Arity(2);
        var (oldFd, newFd) = (ctx.Fd(0), ctx.Fd(1));
        if (oldFd == newFd)
        {
            return ctx.Caller.Files.Get(oldFd) is null ? SyscallOutcome.Fail(Errno.EBADF) : SyscallOutcome.Ok(oldFd);
        }

        return DupInto(ctx, oldFd, newFd, 0);
    }

    // dup3(3, 5, O_CLOEXEC).
    private static SyscallOutcome Dup3(SyscallContext ctx)
    {
        ctx.Arity(3);
        return DupInto(ctx, ctx.Fd(0), ctx.Fd(1), (int)ctx.Flags(2, OpenFlags.Table));
    }

    // ksys_dup3: EINVAL for flags other than O_CLOEXEC and for the same descriptor, EBADF for a
    // new number at or above RLIMIT_NOFILE (negative numbers are huge unsigned ones), EBADF for a
    // closed old one; the file that was at the new number is released after the swap.
    private static SyscallOutcome DupInto(SyscallContext ctx, int oldFd, int newFd, int flags)
    {
        if ((flags & ~OpenFlags.CloseOnExec) != 0 || oldFd == newFd)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var files = ctx.Caller.Files;
        if (newFd < 0 || newFd >= Descriptors.Limit(ctx.Caller) || files.Get(oldFd) is not { } file)
        {
            return SyscallOutcome.Fail(Errno.EBADF);
        }

        if (files.InstallAt(newFd, file, (flags & OpenFlags.CloseOnExec) != 0) is { } replaced)
        {
            ctx.Kernel.PutFile(replaced);
        }

        return SyscallOutcome.Ok(newFd);
    }

    // fcntl(fd, cmd[, arg]). An O_PATH descriptor allows only the descriptor commands and F_GETFL (EBADF).
    private static SyscallOutcome Fcntl(SyscallContext ctx)
    {
        ctx.Arity(2, 3);
        var fd = ctx.Fd(0);
        var file = ctx.File(0);
        var cmd = (int)ctx.Flags(1, FcntlAbi.Commands);
        if ((file.Flags & OpenFlags.Path) != 0 && cmd is not (FcntlAbi.DupFd or FcntlAbi.DupFdCloexec or FcntlAbi.GetFd or FcntlAbi.SetFd or FcntlAbi.GetFl))
        {
            return SyscallOutcome.Fail(Errno.EBADF);
        }

        switch (cmd)
        {
            case FcntlAbi.DupFd:
            case FcntlAbi.DupFdCloexec:
                // f_dupfd: a start at or above RLIMIT_NOFILE is EINVAL; no free number is EMFILE.
                var from = ctx.Int(2);
                if (from < 0 || from >= Descriptors.Limit(ctx.Caller))
                {
                    return SyscallOutcome.Fail(Errno.EINVAL);
                }

                var (newFd, error) = Descriptors.Install(ctx.Caller, file, cmd == FcntlAbi.DupFdCloexec, (int)from);
                return error != Errno.None ? SyscallOutcome.Fail(error) : SyscallOutcome.Ok(newFd);
            case FcntlAbi.GetFd:
                return FlagsResult(ctx.Caller.Files.IsCloseOnExec(fd) ? FcntlAbi.FdCloexec : 0, "FD_CLOEXEC");
            case FcntlAbi.SetFd:
                ctx.Caller.Files.SetCloseOnExec(fd, (ctx.Flags(2, FcntlAbi.DescriptorFlags) & FcntlAbi.FdCloexec) != 0);
                return SyscallOutcome.Ok();
            case FcntlAbi.GetFl:
                return FlagsResult(file.Flags, StatusFlagNames(file.Flags));
            case FcntlAbi.SetFl:
                var arg = (int)ctx.Flags(2, FcntlAbi.StatusFlags);
                file.Flags = (arg & FcntlAbi.SetflMask) | (file.Flags & ~FcntlAbi.SetflMask);
                return SyscallOutcome.Ok();
            case FcntlAbi.SetOwn:
                return SetOwn(ctx, file);
            default:
                return SyscallOutcome.Fail(Errno.EINVAL);
        }
    }

    // f_setown: the argument is a logical process name (0 clears the owner); __f_setown calls
    // security_file_set_fowner and records the caller's uid and euid.
    private static SyscallOutcome SetOwn(SyscallContext ctx, OpenFile file)
    {
        if (ctx.Arg(2) is IntExpr { Value: 0 })
        {
            file.Owner = null;
            return SyscallOutcome.Ok();
        }

        var target = ctx.Process(2);
        var error = ctx.Kernel.Security.FileSetFowner(ctx.Caller, file);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        file.Owner = new FileOwner(target, ctx.Caller.Cred.Uid, ctx.Caller.Cred.Euid);
        return SyscallOutcome.Ok();
    }

    // read(fd, buf, count): EBADF unless open for reading; the file's read fills the buffer.
    private static SyscallOutcome Read(SyscallContext ctx)
    {
        ctx.Arity(3);
        var file = ctx.File(0);
        var mode = file.Flags & OpenFlags.AccessMode;
        if ((file.Flags & OpenFlags.Path) != 0 || mode is not (OpenFlags.ReadOnly or OpenFlags.ReadWrite))
        {
            return SyscallOutcome.Fail(Errno.EBADF);
        }

        return file.Object.Read(ctx, file, (int)Math.Min(ctx.Int(2), int.MaxValue));
    }

    // write(fd, "data", count): EBADF unless open for writing; the count bytes of the string
    // (padded with NULs if the string is shorter) go to the file's write.
    private static SyscallOutcome Write(SyscallContext ctx)
    {
        ctx.Arity(3);
        var file = ctx.File(0);
        var mode = file.Flags & OpenFlags.AccessMode;
        if ((file.Flags & OpenFlags.Path) != 0 || mode is not (OpenFlags.WriteOnly or OpenFlags.ReadWrite))
        {
            return SyscallOutcome.Fail(Errno.EBADF);
        }

        var text = ctx.String(1).Bytes;
        var data = new byte[(int)Math.Max(0, Math.Min(ctx.Int(2), int.MaxValue))];
        text.AsSpan(0, Math.Min(text.Length, data.Length)).CopyTo(data);
        return file.Object.Write(ctx, file, data);
    }

    // lseek(fd, offset, SEEK_SET|SEEK_CUR|SEEK_END): ESPIPE for sockets and terminals, EINVAL for
    // a bad whence or a negative result.
    private static SyscallOutcome Lseek(SyscallContext ctx)
    {
        ctx.Arity(3);
        var file = ctx.File(0);
        if (!file.Object.CanSeek)
        {
            return SyscallOutcome.Fail(Errno.ESPIPE);
        }

        var offset = ctx.Int(1);
        long? position = ctx.Flags(2, FcntlAbi.Whence) switch
        {
            0 => offset,
            1 => file.Position + offset,
            2 => (file.Object.Inode?.Size ?? 0) + offset,
            _ => null,
        };
        if (position is not { } p || p < 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        file.Position = p;
        return SyscallOutcome.Ok(p);
    }

    // strace prints flag results in hex with their names: "= 0x8002 (flags O_RDWR|O_LARGEFILE)", or "= 0".
    private static SyscallOutcome FlagsResult(int value, string names) => value == 0
        ? SyscallOutcome.Ok()
        : SyscallOutcome.Ok() with { Result = new ValueResult(value, "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture), "flags " + names, SourceSpan.None) };

    // The access mode by name, then the status bits in strace's order: "O_RDWR|O_NONBLOCK|O_LARGEFILE".
    private static string StatusFlagNames(int flags)
    {
        var access = FcntlAbi.StatusFlags.NameOf(flags & OpenFlags.AccessMode) ?? "0x3";
        var rest = flags & ~OpenFlags.AccessMode;
        return rest == 0 ? access : access + "|" + TracePrinter.PrintExpr(FcntlAbi.StatusFlags.RenderFlags(rest));
    }
}
