using Isolation.Model.Abi;
using Isolation.Model.Kernel.Netns;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// <c>/proc/net</c> (the link to <c>/proc/self/net</c>, resolved): the registered per-namespace
/// files of the looking-up task's network namespace. S_IFDIR|0555, owned by root.
/// </summary>
/// <remarks>fs/proc/proc_net.c proc_tgid_net_lookup (6.12).</remarks>
public sealed class ProcNetDir : ProcInode
{
    /// <summary>Makes the directory of <paramref name="netNs"/>.</summary>
    public ProcNetDir(NetNamespace netNs)
        : base(FileModes.Directory | 0x16D, 0, 0) => NetNs = netNs;

    /// <summary>The network namespace shown.</summary>
    public NetNamespace NetNs { get; }

    /// <inheritdoc/>
    public override Errno Lookup(KernelState kernel, Task task, string name, out Inode? child)
    {
        child = kernel.Fs.ProcNet.Make(name, NetNs);
        if (child is null)
        {
            return Errno.ENOENT;
        }

        child.Parent = this;
        return Errno.None;
    }
}
