namespace Isolation.Model.Kernel.Ipc;

/// <summary>
/// A task's address space (mm_struct) as far as the model needs it: its identity (exec makes a new
/// one, fork a copy; /proc/&lt;pid&gt;/attr writes compare it with the opener's) and the SysV shared
/// memory segments attached in it.
/// </summary>
/// <remarks>ipc/shm.c shm_open/shm_close (fork's dup_mmap and exit_mmap attach and detach) (6.12).</remarks>
public sealed class AddressSpace
{
    /// <summary>The first address shmat picks when the caller gives none; later ones go down from it.</summary>
    public const ulong ShmatBase = 0x7f0000000000;

    /// <summary>The segments attached here, by address.</summary>
    public SortedDictionary<ulong, ShmAttachment> ShmAttachments { get; } = [];

    /// <summary>fork's copy: every attachment is attached again in the child (shm_nattch grows).</summary>
    public AddressSpace CloneForFork()
    {
        var copy = new AddressSpace();
        foreach (var (address, a) in ShmAttachments)
        {
            a.Segment.Attachments++;
            copy.ShmAttachments.Add(address, a);
        }

        return copy;
    }

    /// <summary>exit and exec drop the address space: every attachment is detached (a removed segment goes when the last one does).</summary>
    public void Release()
    {
        foreach (var a in ShmAttachments.Values.ToList())
        {
            Detach(a);
        }
    }

    /// <summary>
    /// The address for a new attachment of <paramref name="length"/> bytes when the caller gave
    /// none: the highest free page range below <see cref="ShmatBase"/>, as the top-down mmap layout
    /// picks (deterministic, unlike Linux's randomised base).
    /// </summary>
    public ulong FreeAddress(ulong length)
    {
        var top = ShmatBase;
        foreach (var (address, a) in ShmAttachments.Reverse())
        {
            if (address >= top)
            {
                continue;
            }

            if (address + a.Length <= top - length)
            {
                break;
            }

            top = address;
        }

        return top - length;
    }

    /// <summary>shmdt of one attachment: shm_close.</summary>
    public void Detach(ShmAttachment attachment)
    {
        ShmAttachments.Remove(attachment.Address);
        attachment.Segment.Attachments--;
        attachment.Segment.DestroyIfUnused();
    }
}
