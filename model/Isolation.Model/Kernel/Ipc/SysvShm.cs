using Isolation.Model.Abi;
using Isolation.Model.Kernel.Channels;
using Isolation.Traces;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>SysV shared memory: shmget, shmat, shmdt, shmctl (IPC_RMID, IPC_STAT).</summary>
/// <remarks>ipc/shm.c (6.12): ksys_shmget, newseg, shm_more_checks, do_shmat, ksys_shmdt, ksys_shmctl,
/// shmctl_down, do_shm_rmid, shmctl_stat.</remarks>
public static class SysvShm
{
    /// <summary>SHMLBA on x86-64: the page size.</summary>
    public const long Shmlba = 4096;

    /// <summary>
    /// shmget: a new segment needs SHMMIN ≤ size ≤ SHMMAX (EINVAL), then shm_alloc; an existing
    /// one must be at least <paramref name="size"/> bytes (EINVAL), then ipcperms and shm_associate.
    /// </summary>
    public static Errno Get(KernelState kernel, Task task, int key, long size, int flag, out int id)
    {
        var ns = task.IpcNs;
        return IpcPerms.Get(
            kernel,
            task,
            ns.Shm,
            key,
            flag,
            () => size < IpcNamespace.ShmMin || size > IpcNamespace.ShmMax
                ? (Errno.EINVAL, -1)
                : IpcPerms.New(task, ns.Shm, new ShmSegment(ns, size, task), key, flag, IpcNamespace.ShmMni, kernel.Security.ShmAlloc),
            seg => seg.Size < size ? Errno.EINVAL : Errno.None,
            seg => kernel.Security.ShmAssociate(task, seg, flag),
            out id);
    }

    /// <summary>
    /// shmat: EINVAL for a negative id or an address not page-aligned (unless SHM_RND rounds it);
    /// EINVAL for an unknown id; EACCES without read (and write unless SHM_RDONLY, execute with
    /// SHM_EXEC) permission; shm_shmat; EINVAL for an address already mapped (without SHM_REMAP).
    /// With no address the model picks one deterministically (<see cref="AddressSpace.FreeAddress"/>).
    /// </summary>
    public static Errno Attach(KernelState kernel, Task task, int id, ulong address, int flag, out ulong attachedAt)
    {
        attachedAt = 0;
        if (id < 0)
        {
            return Errno.EINVAL;
        }

        if ((address & (Shmlba - 1)) != 0)
        {
            if ((flag & IpcAbi.ShmRnd) == 0)
            {
                return Errno.EINVAL;
            }

            address &= ~(ulong)(Shmlba - 1);
        }

        var access = IpcPerms.Read | ((flag & IpcAbi.ShmRdonly) != 0 ? 0 : IpcPerms.Write) | ((flag & IpcAbi.ShmExec) != 0 ? IpcPerms.Exec : 0);
        var seg = task.IpcNs.Shm.Obtain(id);
        if (seg is null)
        {
            return Errno.EINVAL;
        }

        if (!IpcPerms.Permits(kernel, task, seg, access))
        {
            return Errno.EACCES;
        }

        var error = kernel.Security.ShmShmat(task, seg, flag);
        if (error != Errno.None)
        {
            return error;
        }

        var mm = task.Mm;
        var length = seg.MappedLength;
        if (address != 0 && (flag & IpcAbi.ShmRemap) == 0
            && mm.ShmAttachments.Values.Any(a => a.Address < address + length && address < a.Address + a.Length))
        {
            return Errno.EINVAL;
        }

        attachedAt = address != 0 ? address : mm.FreeAddress(length);
        if (mm.ShmAttachments.TryGetValue(attachedAt, out var replaced))
        {
            mm.Detach(replaced);
        }

        mm.ShmAttachments.Add(attachedAt, new ShmAttachment(attachedAt, length, seg));
        seg.Attachments++;
        seg.LastUser = task;
        foreach (var other in seg.Attachers)
        {
            kernel.RecordChannel(ChannelKind.SharedMemory, other, task, $"shm {seg.Id}");
            kernel.RecordChannel(ChannelKind.SharedMemory, task, other, $"shm {seg.Id}");
        }

        seg.Attachers.Add(task);
        return Errno.None;
    }

    /// <summary>shmdt: EINVAL for an address not page-aligned or where no segment is attached.</summary>
    public static Errno Detach(Task task, ulong address)
    {
        if ((address & (Shmlba - 1)) != 0 || !task.Mm.ShmAttachments.TryGetValue(address, out var attachment))
        {
            return Errno.EINVAL;
        }

        attachment.Segment.LastUser = task;
        task.Mm.Detach(attachment);
        return Errno.None;
    }

    /// <summary>
    /// shmctl IPC_RMID: EINVAL, EPERM (not owner, creator or CAP_SYS_ADMIN), shm_shmctl; a segment
    /// still attached is marked SHM_DEST and its key becomes IPC_PRIVATE, else it goes at once.
    /// </summary>
    public static Errno Remove(KernelState kernel, Task task, int id)
    {
        var error = IpcPerms.ObtainForCtl(kernel, task, task.IpcNs.Shm, id, IpcAbi.Rmid, kernel.Security.ShmShmctl, out var seg);
        if (error != Errno.None)
        {
            return error;
        }

        seg!.Mode |= IpcAbi.ShmDest;
        seg.Key = IpcAbi.Private;
        seg.DestroyIfUnused();
        return Errno.None;
    }

    /// <summary>shmctl IPC_STAT: EINVAL, EACCES without read permission, shm_shmctl; the minimal rendering of <see cref="IpcRender"/>.</summary>
    public static Errno Stat(KernelState kernel, Task task, int id, out StructExpr? rendered)
    {
        rendered = null;
        var error = IpcPerms.ObtainForCtl(kernel, task, task.IpcNs.Shm, id, IpcAbi.Stat, kernel.Security.ShmShmctl, out var seg);
        if (error == Errno.None)
        {
            rendered = IpcRender.Stat("shm", seg!, task, ("shm_segsz", IpcRender.Number(seg!.Size)), ("shm_cpid", IpcRender.Pid(seg.Creator)), ("shm_lpid", IpcRender.Pid(seg.LastUser)), ("shm_nattch", IpcRender.Number(seg.Attachments)));
        }

        return error;
    }
}
