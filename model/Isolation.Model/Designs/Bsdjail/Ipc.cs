using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Lsm;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>The SysV IPC hooks: objects made in a jail carry it; a jailed task reaches only its own jail's objects.</summary>
public sealed partial class BsdjailModule
{
    // IPC_INFO and the SHM_INFO, MSG_INFO, SEM_INFO commands (include/uapi/linux/{ipc,shm,msg,sem}.h).
    private const int IpcInfo = 3;
    private const int ShmInfo = 14;
    private const int MsgInfo = 12;
    private const int SemInfo = 19;

    private void AddIpcHooks(HookTable hooks)
    {
        hooks.IpcPermission.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.ShmAlloc.Add(this, IpcAlloc);
        hooks.ShmAssociate.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.ShmShmctl.Add(this, (task, ipc, cmd) => cmd is IpcInfo or ShmInfo ? Errno.None : IpcCheck(ipc, task));
        hooks.ShmShmat.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.MsgQueueAlloc.Add(this, IpcAlloc);
        hooks.MsgQueueAssociate.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.MsgQueueMsgctl.Add(this, (task, ipc, cmd) => cmd is IpcInfo or MsgInfo ? Errno.None : IpcCheck(ipc, task));
        hooks.MsgQueueMsgsnd.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.MsgQueueMsgrcv.Add(this, (task, queue, target, type, mode) => IpcCheck(queue, target));
        hooks.SemAlloc.Add(this, IpcAlloc);
        hooks.SemAssociate.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.SemSemctl.Add(this, (task, ipc, cmd) => cmd is IpcInfo or SemInfo ? Errno.None : IpcCheck(ipc, task));
        hooks.SemSemop.Add(this, (task, sem, nsops, alter) => IpcCheck(sem, task));
    }

    /// <summary>jail_shm_alloc_security, jail_msg_queue_alloc, jail_sem_alloc_security: an object made in a jail carries it.</summary>
    private Errno IpcAlloc(Task task, IpcObject ipc)
    {
        if (ActiveJail(task) is { } jail)
        {
            SetBlob(ipc.Security, jail);
        }

        return Errno.None;
    }

    /// <summary>
    /// basic_ipc_security_check: a jailed <paramref name="target"/> (the caller, or msgrcv's
    /// receiver) may use only objects made in its jail (EPERM); outside a jail, anything.
    /// </summary>
    private Errno IpcCheck(IpcObject ipc, Task target)
    {
        if (ActiveJail(target) is not { } jail)
        {
            return Errno.None;
        }

        return Blob<Jail>(ipc.Security) == jail ? Errno.None : Errno.EPERM;
    }
}
