using Isolation.Model.Lsm;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>A SysV IPC object (kern_ipc_perm): a shared memory segment, message queue or semaphore set.</summary>
/// <remarks>include/linux/ipc.h (6.12).</remarks>
public class IpcObject
{
    /// <summary>Makes an object of <paramref name="ns"/> not yet given an id (what the *_alloc hooks see).</summary>
    public IpcObject(IpcNamespace ns) => Namespace = ns;

    /// <summary>The namespace the object lives in.</summary>
    public IpcNamespace Namespace { get; }

    /// <summary>The key it was created with (IPC_PRIVATE is 0; a segment removed while attached gets IPC_PRIVATE).</summary>
    public int Key { get; set; }

    /// <summary>The identifier shmget/msgget/semget returned: seq &lt;&lt; 15 | index.</summary>
    public int Id { get; set; }

    /// <summary>The sequence number in the id.</summary>
    public int Seq { get; set; }

    /// <summary>Owner uid (kernel id).</summary>
    public int Uid { get; set; }

    /// <summary>Owner group.</summary>
    public int Gid { get; set; }

    /// <summary>Creator uid.</summary>
    public int Cuid { get; set; }

    /// <summary>Creator gid.</summary>
    public int Cgid { get; set; }

    /// <summary>The low 9 bits of the mode (plus SHM_DEST for a removed, still attached segment).</summary>
    public int Mode { get; set; }

    /// <summary>Whether IPC_RMID removed it (ipc_valid_object is false).</summary>
    public bool Deleted { get; set; }

    /// <summary>The security blobs of the stacked modules.</summary>
    public SecurityBlobs Security { get; } = new();
}
