using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Kernel.Fs.Proc;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>The file-system hooks: /proc/&lt;pid&gt; of other jails, device nodes, mounts and sysctl writes.</summary>
public sealed partial class BsdjailModule
{
    private void AddFsHooks(HookTable hooks)
    {
        hooks.TaskToInode.Add(this, TaskToInode);
        hooks.InodePermission.Add(this, (task, inode, mask) => ProcPidCheck(task, inode));
        hooks.InodeGetattr.Add(this, ProcPidCheck);
        hooks.InodeGetxattr.Add(this, (task, inode, name) => ProcPidCheck(task, inode));
        hooks.InodeMknod.Add(this, InodeMknod);
        hooks.SbMount.Add(this, (task, source, target, fsType, flags) => JailRules.InJailRefused.Decide(Bits.Of(InJail(task))));
        hooks.SbUmount.Add(this, (task, target, flags) => JailRules.InJailRefused.Decide(Bits.Of(InJail(task))));
        hooks.Sysctl.Add(this, Sysctl);
    }

    /// <summary>jail_task_to_inode: a /proc inode of a jailed task carries its jail (the first label sticks).</summary>
    private void TaskToInode(Task target, Inode inode)
    {
        if (ActiveJail(target) is { } jail && Blob<Jail>(inode.Security) is null)
        {
            SetBlob(inode.Security, jail);
        }
    }

    /// <summary>
    /// jail_inode_permission (through jail_proc_inode_permission), jail_inode_getattr and
    /// jail_inode_getxattr (generic_procpid_check): a jailed task gets ENOENT for a /proc/&lt;pid&gt;
    /// directory not labelled with its jail — the process of another jail or of none — so it can
    /// neither stat it nor reach anything below it. The listing of /proc is not filtered.
    /// </summary>
    private Errno ProcPidCheck(Task task, Inode inode)
    {
        var ids = JailIds.Number(JailOf(task), Blob<Jail>(inode.Security));
        return JailRules.ProcPid.Decide(Bits.Of(InJail(task)), ids[0], Bits.Of(inode is ProcPidDir), ids[1]);
    }

    /// <summary>
    /// jail_inode_mknod: a jailed task may make no device or socket node (EPERM), only fifos
    /// ("Thanks to Brad Spender for pointing out fifos should be allowed"); so a unix socket bound
    /// to a path fails too, since unix_bind makes its node with vfs_mknod.
    /// </summary>
    private Errno InodeMknod(Task task, Inode dir, string name, int mode, long dev) =>
        JailRules.Mknod.Decide(Bits.Of(InJail(task)), Bits.Of(mode));

    /// <summary>jail_sysctl: a jailed task may not write a sysctl ("op &amp; 002", MAY_WRITE: EPERM); reading is allowed.</summary>
    private Errno Sysctl(Task task, string name, int mask) => JailRules.Sysctl.Decide(Bits.Of(InJail(task)), Bits.Of(mask));
}
