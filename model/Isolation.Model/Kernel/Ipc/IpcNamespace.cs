using Isolation.Model.Kernel.Creds;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>An IPC namespace: the SysV shared memory segments, message queues and semaphore sets, and its limits.</summary>
/// <remarks>include/linux/ipc_namespace.h, include/uapi/linux/{shm,msg,sem}.h defaults (6.12).</remarks>
public sealed class IpcNamespace
{
    /// <summary>SHMMNI: the most segments.</summary>
    public const int ShmMni = 4096;
    /// <summary>SHMMIN: the smallest segment.</summary>
    public const long ShmMin = 1;
    /// <summary>SHMMAX: the largest segment (ULONG_MAX - 2^24, as a signed model value).</summary>
    public const long ShmMax = long.MaxValue - (1L << 24);
    /// <summary>MSGMNI: the most queues.</summary>
    public const int MsgMni = 32000;
    /// <summary>MSGMAX: the largest message.</summary>
    public const int MsgMax = 8192;
    /// <summary>MSGMNB: the default byte capacity of a queue.</summary>
    public const int MsgMnb = 16384;
    /// <summary>SEMMNI: the most semaphore sets.</summary>
    public const int SemMni = 32000;
    /// <summary>SEMMSL: the most semaphores in a set.</summary>
    public const int SemMsl = 32000;
    /// <summary>SEMOPM: the most operations in one semop.</summary>
    public const int SemOpm = 500;
    /// <summary>SEMVMX: the largest semaphore value.</summary>
    public const int SemVmx = 32767;

    /// <summary>Creates an empty namespace owned by the initial user namespace.</summary>
    public IpcNamespace(int id) => Id = id;

    /// <summary>Creates an empty namespace owned by <paramref name="userNs"/> (unshare(CLONE_NEWIPC)).</summary>
    public IpcNamespace(int id, UserNamespace userNs)
    {
        Id = id;
        UserNs = userNs;
    }

    /// <summary>A number, unique within one kernel, in creation order.</summary>
    public int Id { get; }

    /// <summary>The owning user namespace (ns->user_ns), over which CAP_IPC_OWNER and CAP_SYS_ADMIN count; null for the initial one.</summary>
    public UserNamespace? UserNs { get; }

    /// <summary>The shared memory segments.</summary>
    public IpcIds<ShmSegment> Shm { get; } = new();

    /// <summary>The message queues.</summary>
    public IpcIds<MessageQueue> Msg { get; } = new();

    /// <summary>The semaphore sets.</summary>
    public IpcIds<SemaphoreSet> Sem { get; } = new();

    /// <summary>The bytes of all segments (shm_tot, in pages in Linux).</summary>
    public long ShmTotal => Shm.Objects.Sum(s => s.Size);

    /// <summary>The semaphores of all sets (used_sems).</summary>
    public int UsedSems => Sem.Objects.Sum(s => s.Values.Length);

    /// <summary>The owning user namespace, the initial one when none was given.</summary>
    public UserNamespace Owner(KernelState kernel) => UserNs ?? kernel.InitUserNs;
}
