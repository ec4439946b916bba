namespace Isolation.Model.Kernel.Ipc;

/// <summary>An IPC namespace: the SysV shared memory segments, message queues and semaphore sets.</summary>
public sealed class IpcNamespace
{
    /// <summary>Creates an empty namespace.</summary>
    public IpcNamespace(int id) => Id = id;

    /// <summary>A number, unique within one kernel, in creation order.</summary>
    public int Id { get; }
}
