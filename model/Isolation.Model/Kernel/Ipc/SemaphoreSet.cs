using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>A semaphore set (sem_array).</summary>
/// <remarks>ipc/sem.c (6.12).</remarks>
public sealed class SemaphoreSet : IpcObject
{
    /// <summary>Makes a set of <paramref name="count"/> semaphores, all 0.</summary>
    public SemaphoreSet(IpcNamespace ns, int count)
        : base(ns)
    {
        Values = new int[count];
        LastPids = new Task?[count];
    }

    /// <summary>semval of each semaphore.</summary>
    public int[] Values { get; }

    /// <summary>sempid of each semaphore: the last task to change it.</summary>
    public Task?[] LastPids { get; }
}
