using System.Text;
using Isolation.Model.Abi;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Cgroups;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Kernel.Fs.Proc;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// <c>/proc/net/socket_table</c>: the control file through which rules are installed, one per
/// network namespace (the opener's, as /proc/net shows it). Mode 0600, owned by root. Reading
/// lists the table as <c>iptables -S</c> would; writing runs iptables commands, one per line, all
/// or nothing. Writing needs CAP_NET_ADMIN over the namespace's user namespace, as iptables'
/// setsockopt does.
/// </summary>
/// <remarks>
/// Porting note: the proposal installs rules "with the existing iptables tools", which talk to the
/// kernel by setsockopt(IPT_SO_SET_REPLACE) with a binary table image that a trace cannot show
/// readably; 6.12's proc_create_net_single_write gives a per-namespace text file instead, and its
/// proc_simple_write fixes the size rules (EINVAL for an empty write or one of PAGE_SIZE bytes or
/// more). net/ipv4/netfilter/ip_tables.c do_ipt_set_ctl for the capability (6.12).
/// </remarks>
public sealed class SocketTableFile : ProcInode
{
    /// <summary>The file name under /proc/net.</summary>
    public const string Name = "socket_table";

    /// <summary>PAGE_SIZE - 1: the longest write proc_simple_write accepts.</summary>
    public const int MaxWrite = 4095;

    private readonly SocketFilterTable _table;

    /// <summary>Makes the file that shows <paramref name="table"/>, the table of <paramref name="netNs"/>.</summary>
    public SocketTableFile(NetNamespace netNs, SocketFilterTable table)
        : base(FileModes.Regular | 0x180, 0, 0)
    {
        NetNs = netNs;
        _table = table;
    }

    /// <summary>The network namespace whose table this is.</summary>
    public NetNamespace NetNs { get; }

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new Handle(this);
        return Errno.None;
    }

    /// <summary>
    /// The write: EINVAL for 0 or more than 4095 bytes (proc_simple_write), EPERM without
    /// CAP_NET_ADMIN over the namespace, then every line parsed (the first bad line's EINVAL or
    /// ENOENT) and applied (E2BIG or ENOENT from a rule number or rule not found).
    /// </summary>
    public Errno Write(KernelState kernel, Task task, ReadOnlySpan<byte> data)
    {
        if (data.Length == 0 || data.Length > MaxWrite)
        {
            return Errno.EINVAL;
        }

        if (!Capabilities.NsCapable(kernel, task, NetNs.Owner, Capability.NetAdmin))
        {
            return Errno.EPERM;
        }

        var commands = new List<SocketTableCommand>();
        foreach (var line in Encoding.ASCII.GetString(KernelStrings.CString(data)).Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var error = SocketRuleParser.Parse(line, out var command);
            if (error != Errno.None)
            {
                return error;
            }

            commands.Add(command!);
        }

        return _table.Apply(commands);
    }

    /// <summary>The open file.</summary>
    private sealed class Handle(SocketTableFile entry) : FileObject
    {
        public override Inode Inode => entry;

        public override bool CanSeek => true;

        public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count) =>
            FileContent.Read(file, Encoding.ASCII.GetBytes(entry._table.Show()), count);

        public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data)
        {
            var error = entry.Write(ctx.Kernel, ctx.Caller, data.Span);
            return error == Errno.None ? SyscallOutcome.Ok(data.Length) : SyscallOutcome.Fail(error);
        }
    }
}
