using Isolation.Model.Lsm;

namespace Isolation.Model.Kernel.Fs;

/// <summary>A file system object: directory, regular file, socket, or a /proc entry.</summary>
public class Inode
{
    /// <summary>The mode: S_IF* type bits and permission bits.</summary>
    public int Mode { get; set; }

    /// <summary>The owner (kernel uid).</summary>
    public int Uid { get; set; }

    /// <summary>The group (kernel gid).</summary>
    public int Gid { get; set; }

    /// <summary>The security blobs of the stacked modules (i_security).</summary>
    public SecurityBlobs Security { get; } = new();
}
