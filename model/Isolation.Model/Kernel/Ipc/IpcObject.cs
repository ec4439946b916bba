using Isolation.Model.Lsm;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>A SysV IPC object (kern_ipc_perm): a shared memory segment, message queue or semaphore set.</summary>
public class IpcObject
{
    /// <summary>The key it was created with (IPC_PRIVATE is 0).</summary>
    public int Key { get; init; }

    /// <summary>The identifier shmget/msgget/semget returned.</summary>
    public int Id { get; init; }

    /// <summary>Owner and creator ids and the permission bits.</summary>
    public int Uid { get; set; }

    /// <summary>Owner group.</summary>
    public int Gid { get; set; }

    /// <summary>Creator uid.</summary>
    public int Cuid { get; init; }

    /// <summary>Creator gid.</summary>
    public int Cgid { get; init; }

    /// <summary>The low 9 bits of the mode.</summary>
    public int Mode { get; set; }

    /// <summary>The security blobs of the stacked modules.</summary>
    public SecurityBlobs Security { get; } = new();
}
