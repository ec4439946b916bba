namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>An inode of /proc: made afresh by each lookup, never renamed or removed, its mode fixed.</summary>
/// <remarks>fs/proc/base.c proc_setattr refuses ATTR_MODE with EPERM (6.12).</remarks>
public abstract class ProcInode : Inode
{
    /// <summary>Makes a /proc inode.</summary>
    protected ProcInode(int mode, int uid, int gid)
        : base(mode, uid, gid)
    {
    }

    /// <inheritdoc/>
    public override bool AcceptsModeChange => false;
}
