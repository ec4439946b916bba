namespace Isolation.Model.Lsm;

/// <summary>
/// The per-module security blobs attached to one kernel object (task, socket, file, inode, IPC
/// object), one slot per stacked module, as Linux's lsm_blob_sizes lay them out.
/// </summary>
public sealed class SecurityBlobs
{
    private object?[] _slots = [];

    /// <summary>The blob in <paramref name="slot"/>, or null if the module never set one.</summary>
    public object? Get(int slot) => slot < _slots.Length ? _slots[slot] : null;

    /// <summary>Stores a module's blob in its slot.</summary>
    public void Set(int slot, object? blob)
    {
        if (slot >= _slots.Length)
        {
            Array.Resize(ref _slots, slot + 1);
        }

        _slots[slot] = blob;
    }
}
