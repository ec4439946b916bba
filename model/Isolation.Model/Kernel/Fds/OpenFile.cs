using Isolation.Model.Lsm;

namespace Isolation.Model.Kernel.Fds;

/// <summary>An open file description (struct file), shared by dup, fork and SCM_RIGHTS.</summary>
public sealed class OpenFile
{
    /// <summary>Opens <paramref name="obj"/> with the given O_* status flags (access mode included).</summary>
    public OpenFile(FileObject obj, int flags)
    {
        Object = obj;
        Flags = flags;
    }

    /// <summary>What the file refers to; open sets it once the file's own open ran (after security_file_open saw the file).</summary>
    public FileObject Object { get; internal set; }

    /// <summary>O_* flags: the access mode and the status flags (O_NONBLOCK, O_APPEND, …).</summary>
    public int Flags { get; set; }

    /// <summary>How many descriptors (in any table, or in flight in an SCM_RIGHTS message) refer to it.</summary>
    public int References { get; set; }

    /// <summary>The file position, for regular files.</summary>
    public long Position { get; set; }

    /// <summary>
    /// The owner F_SETOWN recorded (f_owner): the process SIGIO and SIGURG go to, with the uid and
    /// euid of whoever set it (sigio_perm compares them); null when there is none.
    /// </summary>
    public FileOwner? Owner { get; set; }

    /// <summary>The security blobs of the stacked modules (file_alloc_security).</summary>
    public SecurityBlobs Security { get; } = new();

    /// <summary>Whether O_NONBLOCK is set.</summary>
    public bool NonBlocking => (Flags & Abi.OpenFlags.NonBlock) != 0;
}
