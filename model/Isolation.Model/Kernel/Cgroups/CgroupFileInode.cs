using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// A control file in a cgroup directory: <c>cgroup.procs</c>, or a controller's
/// <c>&lt;controller&gt;.&lt;name&gt;</c>. Mode 0644 with a write handler, 0444 without
/// (cgroup_file_mode); owned like its directory.
/// </summary>
/// <remarks>kernel/cgroup/cgroup.c cgroup_add_file, cgroup_file_mode (6.12).</remarks>
public sealed class CgroupFileInode : Inode
{
    private const int ReadWrite = 0x1A4;
    private const int ReadOnly = 0x124;

    /// <summary>Makes <c>cgroup.procs</c> of <paramref name="cgroup"/>.</summary>
    internal CgroupFileInode(Cgroup cgroup, int uid, int gid)
        : base(FileModes.Regular | ReadWrite, uid, gid)
    {
        Cgroup = cgroup;
        Name = CgroupProcs.FileName;
    }

    /// <summary>Makes a controller's file of <paramref name="cgroup"/>.</summary>
    internal CgroupFileInode(Cgroup cgroup, CgroupSubsystem subsystem, CgroupFileType type, int uid, int gid)
        : base(FileModes.Regular | (type.Write is null ? ReadOnly : ReadWrite), uid, gid)
    {
        Cgroup = cgroup;
        Subsystem = subsystem;
        Type = type;
        Name = subsystem.Name + "." + type.Name;
    }

    /// <summary>The cgroup whose file this is.</summary>
    public Cgroup Cgroup { get; }

    /// <summary>The file name in the directory.</summary>
    public string Name { get; }

    /// <summary>The controller, or null for <c>cgroup.procs</c>.</summary>
    public CgroupSubsystem? Subsystem { get; }

    /// <summary>The controller's cftype, or null for <c>cgroup.procs</c>.</summary>
    public CgroupFileType? Type { get; }

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new CgroupOpenFile(this, ctx.Caller.Cred);
        return Errno.None;
    }

    /// <summary>The whole contents as a read shows them now.</summary>
    internal byte[] Show(KernelState kernel) =>
        Type is null ? CgroupProcs.Show(Cgroup.Hierarchy, Cgroup) : Type.Show(kernel, Cgroup.Css(Subsystem!));

    /// <summary>The write handler: cgroup.procs' or the cftype's (EINVAL for a file without one).</summary>
    internal Errno Write(KernelState kernel, Task current, Creds.Cred opener, ReadOnlySpan<byte> buffer)
    {
        if (Type is null)
        {
            return CgroupProcs.Write(kernel, current, opener, Cgroup, buffer);
        }

        return Type.Write is { } write ? write(kernel, current, Cgroup.Css(Subsystem!), buffer) : Errno.EINVAL;
    }
}
