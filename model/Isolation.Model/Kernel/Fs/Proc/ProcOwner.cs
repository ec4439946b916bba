using Isolation.Model.Abi;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>Who owns a /proc/&lt;pid&gt; inode, and its labelling by the security modules.</summary>
/// <remarks>fs/proc/base.c task_dump_owner, proc_pid_make_inode, pid_update_inode (6.12).</remarks>
public static class ProcOwner
{
    /// <summary>The mode of the per-process directories (S_IFDIR|0555), which are always owned by the task's euid/egid.</summary>
    public const int DirMode = FileModes.Directory | 0x16D;

    /// <summary>
    /// task_dump_owner, then security_task_to_inode: the task's euid and egid; for anything but a
    /// 0555 directory, root (of the address space's user namespace) when the task is not dumpable,
    /// and the initial root when it has no address space left (a zombie).
    /// </summary>
    public static T Assign<T>(KernelState kernel, Task task, T inode)
        where T : Inode
    {
        var cred = task.Cred;
        (inode.Uid, inode.Gid) = (cred.Euid, cred.Egid);
        if (inode.Mode != DirMode)
        {
            if (task.IsZombie)
            {
                (inode.Uid, inode.Gid) = (0, 0);
            }
            else if (task.Dumpable != 1)
            {
                var uid = task.MmUserNs.MakeKuid(0);
                var gid = task.MmUserNs.MakeKgid(0);
                (inode.Uid, inode.Gid) = (uid < 0 ? 0 : uid, gid < 0 ? 0 : gid);
            }
        }

        kernel.Security.TaskToInode(task, inode);
        return inode;
    }
}
