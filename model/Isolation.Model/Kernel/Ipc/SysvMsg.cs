using Isolation.Model.Abi;
using Isolation.Model.Kernel.Channels;
using Isolation.Traces;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>SysV message queues: msgget, msgsnd, msgrcv, msgctl (IPC_RMID, IPC_STAT).</summary>
/// <remarks>ipc/msg.c (6.12): ksys_msgget, newque, do_msgsnd, do_msgrcv, convert_mode, testmsg,
/// find_msg, msgctl_down, msgctl_stat.</remarks>
public static class SysvMsg
{
    /// <summary>SEARCH_ANY, SEARCH_EQUAL, SEARCH_NOTEQUAL, SEARCH_LESSEQUAL: the mode msg_queue_msgrcv is told.</summary>
    public const int SearchAny = 1;
    /// <summary>SEARCH_EQUAL</summary>
    public const int SearchEqual = 2;
    /// <summary>SEARCH_NOTEQUAL</summary>
    public const int SearchNotEqual = 3;
    /// <summary>SEARCH_LESSEQUAL</summary>
    public const int SearchLessEqual = 4;

    /// <summary>msgget: a new queue runs msg_queue_alloc; an existing one ipcperms and msg_queue_associate.</summary>
    public static Errno Get(KernelState kernel, Task task, int key, int flag, out int id)
    {
        var ns = task.IpcNs;
        return IpcPerms.Get(
            kernel,
            task,
            ns.Msg,
            key,
            flag,
            () => IpcPerms.New(task, ns.Msg, new MessageQueue(ns), key, flag, IpcNamespace.MsgMni, kernel.Security.MsgQueueAlloc),
            _ => Errno.None,
            q => kernel.Security.MsgQueueAssociate(task, q, flag),
            out id);
    }

    /// <summary>
    /// msgsnd: EINVAL for a size above MSGMAX or negative, a negative id, a type below 1, an
    /// unknown id; EACCES without write permission; msg_queue_msgsnd; a full queue is EAGAIN (with
    /// IPC_NOWAIT, and in the model also without, since no call may block).
    /// </summary>
    public static Errno Send(KernelState kernel, Task task, int id, long type, byte[] text, int flag)
    {
        if (text.Length > IpcNamespace.MsgMax || id < 0 || type < 1)
        {
            return Errno.EINVAL;
        }

        var q = task.IpcNs.Msg.Obtain(id);
        if (q is null)
        {
            return Errno.EINVAL;
        }

        if (!IpcPerms.Permits(kernel, task, q, IpcPerms.Write))
        {
            return Errno.EACCES;
        }

        var error = kernel.Security.MsgQueueMsgsnd(task, q, flag);
        if (error != Errno.None)
        {
            return error;
        }

        if (text.Length + q.Bytes > q.MaxBytes || 1 + q.Messages.Count > q.MaxBytes)
        {
            return Errno.EAGAIN;
        }

        q.Messages.Add((type, text, task, kernel.Clock));
        q.LastSender = task;
        return Errno.None;
    }

    /// <summary>
    /// msgrcv: EINVAL for a negative id or size and an unknown id; EACCES without read permission;
    /// the first message that matches the type (lowest type up to |type| when negative; any other
    /// with MSG_EXCEPT) and that msg_queue_msgrcv lets through; none is ENOMSG with IPC_NOWAIT
    /// (EAGAIN without: the model never blocks); a longer message than the buffer is E2BIG
    /// unless MSG_NOERROR truncates it.
    /// </summary>
    public static Errno Receive(KernelState kernel, Task task, int id, long size, long type, int flag, out (long Type, byte[] Text)? message)
    {
        message = null;
        if (id < 0 || size < 0)
        {
            return Errno.EINVAL;
        }

        var mode = type == 0 ? SearchAny : type < 0 ? SearchLessEqual : (flag & IpcAbi.MsgExcept) != 0 ? SearchNotEqual : SearchEqual;
        var wanted = mode == SearchLessEqual ? -type : type;
        var q = task.IpcNs.Msg.Obtain(id);
        if (q is null)
        {
            return Errno.EINVAL;
        }

        if (!IpcPerms.Permits(kernel, task, q, IpcPerms.Read))
        {
            return Errno.EACCES;
        }

        var found = -1;
        for (var i = 0; i < q.Messages.Count; i++)
        {
            var t = q.Messages[i].Type;
            var matches = mode switch
            {
                SearchAny => true,
                SearchEqual => t == wanted,
                SearchNotEqual => t != wanted,
                _ => t <= wanted,
            };
            if (!matches || kernel.Security.MsgQueueMsgrcv(task, q, task, wanted, mode) != Errno.None)
            {
                continue;
            }

            found = i;
            if (mode != SearchLessEqual || t == 1)
            {
                break;
            }

            wanted = t - 1;
        }

        if (found < 0)
        {
            return (flag & IpcAbi.NoWait) != 0 ? Errno.ENOMSG : Errno.EAGAIN;
        }

        var (msgType, text, sender, sentAt) = q.Messages[found];
        if (size < text.Length && (flag & IpcAbi.MsgNoError) == 0)
        {
            return Errno.E2BIG;
        }

        q.Messages.RemoveAt(found);
        q.LastReceiver = task;
        kernel.RecordChannel(ChannelKind.Ipc, sender, task, $"msg {q.Id}", sentAt);
        message = (msgType, text[..(int)Math.Min(size, text.Length)]);
        return Errno.None;
    }

    /// <summary>msgctl IPC_RMID: EINVAL, EPERM (not owner, creator or CAP_SYS_ADMIN), msg_queue_msgctl; the queue goes with its messages.</summary>
    public static Errno Remove(KernelState kernel, Task task, int id)
    {
        return IpcPerms.RemoveForCtl(kernel, task, task.IpcNs.Msg, id, kernel.Security.MsgQueueMsgctl);
    }

    /// <summary>msgctl IPC_STAT: EINVAL, EACCES without read permission, msg_queue_msgctl.</summary>
    public static Errno Stat(KernelState kernel, Task task, int id, out StructExpr? rendered)
    {
        rendered = null;
        var error = IpcPerms.ObtainForCtl(kernel, task, task.IpcNs.Msg, id, IpcAbi.Stat, kernel.Security.MsgQueueMsgctl, out var q);
        if (error == Errno.None)
        {
            rendered = IpcRender.Stat("msg", q!, task, ("msg_qnum", IpcRender.Number(q!.Messages.Count)), ("msg_qbytes", IpcRender.Number(q.MaxBytes)), ("msg_lspid", IpcRender.Pid(q.LastSender)), ("msg_lrpid", IpcRender.Pid(q.LastReceiver)));
        }

        return error;
    }
}
