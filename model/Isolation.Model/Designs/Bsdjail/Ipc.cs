using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>The SysV IPC hooks: objects made in a jail carry it; a jailed task reaches only its own jail's objects.</summary>
public sealed partial class BsdjailModule
{
    private void AddIpcHooks(HookTable hooks)
    {
        hooks.IpcPermission.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.ShmAlloc.Add(this, IpcAlloc);
        hooks.ShmAssociate.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.ShmShmctl.Add(this, (task, ipc, cmd) => IpcCtl(JailRules.ShmCtl, ipc, task, cmd));
        hooks.ShmShmat.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.MsgQueueAlloc.Add(this, IpcAlloc);
        hooks.MsgQueueAssociate.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.MsgQueueMsgctl.Add(this, (task, ipc, cmd) => IpcCtl(JailRules.MsgCtl, ipc, task, cmd));
        hooks.MsgQueueMsgsnd.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.MsgQueueMsgrcv.Add(this, (task, queue, target, type, mode) => IpcCheck(queue, target));
        hooks.SemAlloc.Add(this, IpcAlloc);
        hooks.SemAssociate.Add(this, (task, ipc, flag) => IpcCheck(ipc, task));
        hooks.SemSemctl.Add(this, (task, ipc, cmd) => IpcCtl(JailRules.SemCtl, ipc, task, cmd));
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
        var ids = JailIds.Number(JailOf(target), Blob<Jail>(ipc.Security));
        return JailRules.Ipc.Decide(Bits.Of(InJail(target)), ids[0], ids[1]);
    }

    /// <summary>jail_shm_shmctl, jail_msg_queue_msgctl, jail_sem_semctl: the IPC check, with the object's *_INFO commands exempt.</summary>
    private Errno IpcCtl(Rule rule, IpcObject ipc, Task task, int cmd)
    {
        var ids = JailIds.Number(JailOf(task), Blob<Jail>(ipc.Security));
        return rule.Decide(Bits.Of(InJail(task)), ids[0], ids[1], Bits.Of(cmd));
    }
}
