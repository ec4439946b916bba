using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>A directory of /proc/sys (<see cref="Path"/> "" is /proc/sys itself).</summary>
/// <remarks>fs/proc/proc_sysctl.c proc_sys_lookup (6.12).</remarks>
public sealed class SysctlDir : ProcInode
{
    /// <summary>Makes the directory <paramref name="path"/> (relative to /proc/sys).</summary>
    public SysctlDir(string path)
        : base(FileModes.Directory | 0x16D, 0, 0) => Path = path;

    /// <summary>The path below /proc/sys.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override Errno Lookup(KernelState kernel, Task task, string name, out Inode? child)
    {
        var path = Path.Length == 0 ? name : Path + "/" + name;
        child = null;
        if (!SysctlValues.Entries.TryGetValue(path, out var mode))
        {
            return Errno.ENOENT;
        }

        child = FileModes.TypeOf(mode) == FileModes.Directory
            ? new SysctlDir(path) { Parent = this }
            : new SysctlFile(path, mode, task.NetNs) { Parent = this };
        return Errno.None;
    }

    /// <inheritdoc/>
    public override Errno Permission(KernelState kernel, Task task, int mask) =>
        SysctlPermission.Inode(kernel, task, Path, Mode, task.NetNs, mask);

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new DirectoryFile(this);
        return Errno.None;
    }
}
