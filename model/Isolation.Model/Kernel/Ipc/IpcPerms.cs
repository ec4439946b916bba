using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fs;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>The permission rules shared by the three SysV kinds, in Linux's order.</summary>
/// <remarks>ipc/util.c (6.12): ipcperms, ipcget, ipcget_public, ipc_check_perms, ipcctl_obtain_check.</remarks>
public static class IpcPerms
{
    /// <summary>S_IRUGO: the read bits a check asks for.</summary>
    public const int Read = 0x124;

    /// <summary>S_IWUGO: the write bits.</summary>
    public const int Write = 0x92;

    /// <summary>S_IXUGO: the execute bits (SHM_EXEC).</summary>
    public const int Exec = 0x49;

    /// <summary>
    /// ipcperms: the owner's or creator's bits for the caller's euid, the group's for its groups,
    /// else the others'; CAP_IPC_OWNER over the namespace's owner overrides; then
    /// security_ipc_permission. Every caller turns any refusal, the module's included, into EACCES.
    /// </summary>
    public static bool Permits(KernelState kernel, Task task, IpcObject obj, int flag)
    {
        var cred = task.Cred;
        var requested = (flag >> 6) | (flag >> 3) | flag;
        var granted = obj.Mode;
        if (cred.Euid == obj.Cuid || cred.Euid == obj.Uid)
        {
            granted >>= 6;
        }
        else if (InodePermissions.InGroup(cred, obj.Cgid) || InodePermissions.InGroup(cred, obj.Gid))
        {
            granted >>= 3;
        }

        if ((requested & ~granted & 7) != 0 && !Capabilities.NsCapable(kernel, task, obj.Namespace.Owner(kernel), Capability.IpcOwner))
        {
            return false;
        }

        return kernel.Security.IpcPermission(task, obj, flag) == Errno.None;
    }

    /// <summary>
    /// ipcget: IPC_PRIVATE always creates; a free key creates with IPC_CREAT and is ENOENT without;
    /// a used key is EEXIST with IPC_CREAT|IPC_EXCL, else the kind's extra check, ipcperms on the
    /// flag's mode bits (EACCES), and the associate hook. <paramref name="id"/> is the answer.
    /// </summary>
    public static Errno Get<T>(KernelState kernel, Task task, IpcIds<T> ids, int key, int flag, Func<(Errno Error, int Id)> create, Func<T, Errno> moreChecks, Func<T, Errno> associate, out int id)
        where T : IpcObject
    {
        id = -1;
        if (key != IpcAbi.Private && ids.FindKey(key) is { } existing)
        {
            if ((flag & (IpcAbi.Create | IpcAbi.Exclusive)) == (IpcAbi.Create | IpcAbi.Exclusive))
            {
                return Errno.EEXIST;
            }

            var error = moreChecks(existing);
            if (error == Errno.None)
            {
                error = Permits(kernel, task, existing, flag) ? associate(existing) : Errno.EACCES;
            }

            id = existing.Id;
            return error;
        }

        if (key != IpcAbi.Private && (flag & IpcAbi.Create) == 0)
        {
            return Errno.ENOENT;
        }

        (var created, id) = create();
        return created;
    }

    /// <summary>
    /// The common tail of newseg, newque and newary: the key and the mode bits of the flag, the
    /// kind's *_alloc hook, then ipc_addid (ENOSPC at the kind's limit).
    /// </summary>
    public static (Errno Error, int Id) New<T>(Task task, IpcIds<T> ids, T obj, int key, int flag, int limit, Func<Task, IpcObject, Errno> alloc)
        where T : IpcObject
    {
        obj.Key = key;
        obj.Mode = flag & FileModes.Permissions;
        var error = alloc(task, obj);
        if (error == Errno.None)
        {
            error = ids.Add(obj, limit, task.Cred);
        }

        return (error, error == Errno.None ? obj.Id : -1);
    }

    /// <summary>
    /// ipcctl_obtain_check, for IPC_RMID and IPC_SET: EINVAL for an unknown id; only the owner,
    /// the creator or a holder of CAP_SYS_ADMIN over the namespace's owner, else EPERM.
    /// </summary>
    public static Errno ObtainForChange<T>(KernelState kernel, Task task, IpcIds<T> ids, int id, out T? obj)
        where T : IpcObject
    {
        obj = ids.Obtain(id);
        if (obj is null)
        {
            return Errno.EINVAL;
        }

        var euid = task.Cred.Euid;
        if (euid == obj.Cuid || euid == obj.Uid || Capabilities.NsCapable(kernel, task, obj.Namespace.Owner(kernel), Capability.SysAdmin))
        {
            return Errno.None;
        }

        obj = null;
        return Errno.EPERM;
    }

    /// <summary>The *ctl IPC_STAT check: EINVAL for an unknown id, EACCES without read permission.</summary>
    public static Errno ObtainForStat<T>(KernelState kernel, Task task, IpcIds<T> ids, int id, out T? obj)
        where T : IpcObject
    {
        obj = ids.Obtain(id);
        if (obj is null)
        {
            return Errno.EINVAL;
        }

        return Permits(kernel, task, obj, Read) ? Errno.None : Errno.EACCES;
    }

    /// <summary>
    /// The path IPC_RMID and IPC_STAT share in shmctl, msgctl and semctl: the command's check
    /// (<see cref="ObtainForChange"/> or <see cref="ObtainForStat"/>), then the kind's *ctl hook.
    /// </summary>
    public static Errno ObtainForCtl<T>(KernelState kernel, Task task, IpcIds<T> ids, int id, int cmd, Func<Task, IpcObject, int, Errno> ctlHook, out T? obj)
        where T : IpcObject
    {
        var error = cmd == IpcAbi.Rmid ? ObtainForChange(kernel, task, ids, id, out obj) : ObtainForStat(kernel, task, ids, id, out obj);
        return error == Errno.None ? ctlHook(task, obj!, cmd) : error;
    }

    /// <summary>IPC_RMID of a message queue or semaphore set: checked as <see cref="ObtainForCtl"/>, then gone at once (a segment waits for its last detach instead).</summary>
    public static Errno RemoveForCtl<T>(KernelState kernel, Task task, IpcIds<T> ids, int id, Func<Task, IpcObject, int, Errno> ctlHook)
        where T : IpcObject
    {
        var error = ObtainForCtl(kernel, task, ids, id, IpcAbi.Rmid, ctlHook, out var obj);
        if (error == Errno.None)
        {
            ids.Remove(obj!);
        }

        return error;
    }
}
