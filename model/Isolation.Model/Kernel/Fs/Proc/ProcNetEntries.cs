using Isolation.Model.Kernel.Netns;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// The files of <c>/proc/net</c> that modules register at boot (proc_create_net_*), each made for
/// the network namespace it is looked up in. The model's /proc/net has no other entries.
/// </summary>
/// <remarks>fs/proc/proc_net.c proc_create_net_single_write (6.12).</remarks>
public sealed class ProcNetEntries
{
    private readonly Dictionary<string, Func<NetNamespace, Inode>> _entries = new(StringComparer.Ordinal);

    /// <summary>Registers the file <paramref name="name"/>; <paramref name="make"/> gives its inode in a namespace.</summary>
    public void Add(string name, Func<NetNamespace, Inode> make) => _entries.Add(name, make);

    /// <summary>The inode of <paramref name="name"/> in <paramref name="netNs"/>, or null when no module registered it.</summary>
    public Inode? Make(string name, NetNamespace netNs) => _entries.TryGetValue(name, out var make) ? make(netNs) : null;
}
