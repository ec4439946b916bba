using Isolation.Model.Abi;
using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Designs.PrctlNetworkLsm;

/// <summary>
/// The socket hooks of security/prctl_network.c. Each exempts AF_UNIX outright — the family of the
/// new socket, of the address, or of the sending socket — so abstract unix names, which v1 and v2
/// refused, are allowed ("abstract unix sockets are exempted from control in this patch", cover letter).
/// </summary>
/// <remarks>
/// Seed 004, "[PATCH 2/3] … (v3)": prctl_network_socket_{create,bind,connect,sendmsg}_hook and
/// maybe_allow. The prctl-network-lsm-fixed variant refuses abstract names too, as v1 and v2 did
/// ("We can revisit this detail in subsequent patches", cover letter), in the same hooks.
/// </remarks>
internal sealed class Net
{
    private readonly SecurityModule _module;
    private readonly NetworkPrctl _flags;
    private readonly bool _refuseAbstract;

    /// <summary>The hooks of <paramref name="module"/>, reading <paramref name="flags"/>; <paramref name="refuseAbstract"/> for the fixed variant.</summary>
    public Net(SecurityModule module, NetworkPrctl flags, bool refuseAbstract)
    {
        _module = module;
        _flags = flags;
        _refuseAbstract = refuseAbstract;
    }

    /// <summary>Adds the hooks (the <c>.socket_*</c> members of <c>prctl_network_security_ops</c>).</summary>
    public void Register(HookTable hooks)
    {
        hooks.SocketCreate.Add(_module, SocketCreate);
        hooks.SocketBind.Add(_module, SocketBind);
        hooks.SocketConnect.Add(_module, SocketConnect);
        hooks.SocketSendmsg.Add(_module, SocketSendmsg);
    }

    /// <summary>prctl_network_socket_create_hook: AF_UNIX passes, any other family is <c>maybe_allow()</c> (kern ignored).</summary>
    public Errno SocketCreate(Task task, int family, int type, int protocol, bool kern) =>
        family == SocketAbi.AfUnix ? Errno.None : MaybeAllow(task);

    /// <summary>prctl_network_socket_bind_hook: an AF_UNIX address (pathname, abstract or autobind) passes; the fixed variant refuses an abstract one.</summary>
    public Errno SocketBind(Task task, Socket sock, SockAddr addr) => AddressCheck(task, addr);

    /// <summary>prctl_network_socket_connect_hook: as bind.</summary>
    public Errno SocketConnect(Task task, Socket sock, SockAddr addr) => AddressCheck(task, addr);

    /// <summary>
    /// prctl_network_socket_sendmsg_hook: <c>sk_family != PF_UNIX &amp;&amp; current-&gt;network &amp;&amp;
    /// (msg_name != NULL || msg_namelen != 0)</c> is EPERM; a unix socket may send to any name (the
    /// fixed variant: to any but an abstract one).
    /// </summary>
    public Errno SocketSendmsg(Task task, Socket sock, SockAddr? addr, int size)
    {
        if (sock.Family == SocketAbi.AfUnix)
        {
            return IsRefusedAbstract(addr) ? MaybeAllow(task) : Errno.None;
        }

        return _flags.IsNetworkOff(task) && addr is not null ? Errno.EPERM : Errno.None;
    }

    private Errno AddressCheck(Task task, SockAddr addr) =>
        addr.Family == SocketAbi.AfUnix && !IsRefusedAbstract(addr) ? Errno.None : MaybeAllow(task);

    private bool IsRefusedAbstract(SockAddr? addr) => _refuseAbstract && addr is UnixAddress { Kind: UnixAddressKind.Abstract };

    // maybe_allow: "if (current->network) return -EPERM; return 0;".
    private Errno MaybeAllow(Task task) => _flags.IsNetworkOff(task) ? Errno.EPERM : Errno.None;
}
