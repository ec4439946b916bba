using Isolation.Model.Kernel.Creds;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>
/// The objects of one kind in one namespace (struct ipc_ids) and Linux's id numbering: the index
/// from a cyclic allocator over [0, max(in_use·3/2, 64)), the sequence number bumped whenever the
/// index wraps, id = seq·32768 + index. A fresh namespace hands out 0, 1, 2, … (checked on 6.18).
/// </summary>
/// <remarks>ipc/util.c ipc_addid, ipc_idr_alloc, ipc_obtain_object_check; lib/idr.c idr_alloc_cyclic (6.12).</remarks>
/// <typeparam name="T">The object kind.</typeparam>
public sealed class IpcIds<T>
    where T : IpcObject
{
    /// <summary>IPCMNI_SHIFT: the index bits of an id.</summary>
    public const int IndexShift = 15;

    /// <summary>IPCMNI: the most objects of a kind.</summary>
    public const int MaxIndex = 1 << IndexShift;

    /// <summary>ipc_min_cycle (RADIX_TREE_MAP_SIZE): the smallest range the cyclic allocator walks.</summary>
    public const int MinCycle = 64;

    /// <summary>IPCID_SEQ_MAX: where the sequence number wraps to 0.</summary>
    public const int SeqMax = int.MaxValue >> IndexShift;

    private readonly SortedDictionary<int, T> _byIndex = [];
    private int _seq;
    private int _lastIndex = -1;
    private int _cursor;

    /// <summary>The objects, by index.</summary>
    public IEnumerable<T> Objects => _byIndex.Values;

    /// <summary>in_use.</summary>
    public int InUse => _byIndex.Count;

    /// <summary>ipc_findkey: the live object with <paramref name="key"/> (never IPC_PRIVATE), or null.</summary>
    public T? FindKey(int key) =>
        key == 0 ? null : _byIndex.Values.FirstOrDefault(o => o.Key == key && !o.Deleted);

    /// <summary>
    /// ipc_addid: gives <paramref name="obj"/> an id and owner and creator ids (the caller's euid
    /// and egid); ENOSPC when <paramref name="limit"/> objects exist or no index is free.
    /// </summary>
    public Errno Add(T obj, int limit, Cred cred)
    {
        if (InUse >= Math.Min(limit, MaxIndex))
        {
            return Errno.ENOSPC;
        }

        var end = Math.Min(Math.Max(InUse * 3 / 2, MinCycle), MaxIndex);
        var index = LowestFree(_cursor, end);
        if (index < 0 && _cursor > 0)
        {
            index = LowestFree(0, end);
        }

        if (index < 0)
        {
            return Errno.ENOSPC;
        }

        _cursor = index + 1;
        if (index <= _lastIndex)
        {
            _seq = _seq + 1 >= SeqMax ? 0 : _seq + 1;
        }

        _lastIndex = index;
        obj.Seq = _seq;
        obj.Id = (_seq << IndexShift) + index;
        obj.Uid = obj.Cuid = cred.Euid;
        obj.Gid = obj.Cgid = cred.Egid;
        _byIndex.Add(index, obj);
        return Errno.None;
    }

    /// <summary>ipc_obtain_object_check: the object with <paramref name="id"/>; null (EINVAL) if there is none or its sequence differs.</summary>
    public T? Obtain(int id)
    {
        if (id < 0)
        {
            return null;
        }

        return _byIndex.TryGetValue(id & (MaxIndex - 1), out var obj) && obj.Seq == id >> IndexShift ? obj : null;
    }

    /// <summary>ipc_rmid: the object leaves the table; its index may be reused.</summary>
    public void Remove(T obj)
    {
        obj.Deleted = true;
        _byIndex.Remove(obj.Id & (MaxIndex - 1));
    }

    private int LowestFree(int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (!_byIndex.ContainsKey(i))
            {
                return i;
            }
        }

        return -1;
    }
}
