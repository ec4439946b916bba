using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>A shared memory segment (shmid_kernel).</summary>
/// <remarks>ipc/shm.c (6.12).</remarks>
public sealed class ShmSegment : IpcObject
{
    /// <summary>Makes a segment of <paramref name="size"/> bytes.</summary>
    public ShmSegment(IpcNamespace ns, long size, Task creator)
        : base(ns)
    {
        Size = size;
        Creator = creator;
    }

    /// <summary>shm_segsz.</summary>
    public long Size { get; }

    /// <summary>The creator (shm_cprid).</summary>
    public Task Creator { get; }

    /// <summary>The last task to attach or detach (shm_lprid), or null.</summary>
    public Task? LastUser { get; set; }

    /// <summary>shm_nattch: attachments in all address spaces.</summary>
    public int Attachments { get; set; }

    /// <summary>Every task that has attached the segment, for channel records.</summary>
    public HashSet<Task> Attachers { get; } = [];

    /// <summary>The size rounded up to whole pages, as it is mapped.</summary>
    public ulong MappedLength => (ulong)((Size + 4095) & ~4095L);

    /// <summary>Whether IPC_RMID marked it for destruction while attached (SHM_DEST).</summary>
    public bool Destroying => (Mode & Abi.IpcAbi.ShmDest) != 0;

    /// <summary>shm_destroy once removed and unattached: the segment leaves its namespace.</summary>
    public void DestroyIfUnused()
    {
        if (Destroying && Attachments == 0)
        {
            Namespace.Shm.Remove(this);
        }
    }
}
