using System.Text;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// A sysctl file of /proc/sys, seen through the network namespace of whoever looked it up; open,
/// it reads and writes the value, checking sysctl_perm again at each call (EPERM then).
/// </summary>
/// <remarks>fs/proc/proc_sysctl.c proc_sys_call_handler (6.12).</remarks>
public sealed class SysctlFile : ProcInode
{
    /// <summary>Makes the entry <paramref name="path"/>.</summary>
    public SysctlFile(string path, int mode, NetNamespace netNs)
        : base(mode, 0, 0)
    {
        Path = path;
        NetNs = netNs;
    }

    /// <summary>The path below /proc/sys.</summary>
    public string Path { get; }

    /// <summary>The network namespace whose values it shows.</summary>
    public NetNamespace NetNs { get; }

    /// <inheritdoc/>
    public override Errno Permission(KernelState kernel, Task task, int mask) =>
        SysctlPermission.Inode(kernel, task, Path, Mode, NetNs, mask);

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new Handle(this);
        return Errno.None;
    }

    /// <summary>The open file.</summary>
    private sealed class Handle(SysctlFile entry) : FileObject
    {
        public override Inode Inode => entry;

        public override bool CanSeek => true;

        public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count)
        {
            if (SysctlPermission.Perm(ctx.Kernel, ctx.Caller, entry.Path, entry.Mode, entry.NetNs, MayMask.Read) != Errno.None)
            {
                return SyscallOutcome.Fail(Errno.EPERM);
            }

            // proc_dointvec reads nothing past offset 0; proc_dostring reads on from the offset.
            var text = SysctlValues.IsInteger(entry.Path) && file.Position != 0 ? string.Empty : ctx.Kernel.Fs.Sysctl.Read(entry.Path, entry.NetNs);
            return FileContent.Read(file, Encoding.UTF8.GetBytes(text), count);
        }

        public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data)
        {
            if (SysctlPermission.Perm(ctx.Kernel, ctx.Caller, entry.Path, entry.Mode, entry.NetNs, MayMask.Write) != Errno.None)
            {
                return SyscallOutcome.Fail(Errno.EPERM);
            }

            var error = ctx.Kernel.Fs.Sysctl.Write(ctx.Kernel, ctx.Caller, entry.Path, entry.NetNs, Encoding.UTF8.GetString(data.Span), file.Position, out var taken);
            if (error != Errno.None)
            {
                return SyscallOutcome.Fail(error);
            }

            file.Position += taken;
            return SyscallOutcome.Ok(taken);
        }
    }
}
