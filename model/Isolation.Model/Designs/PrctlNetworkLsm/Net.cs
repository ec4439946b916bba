using Isolation.Model.Abi;
using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
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
    private readonly LsmNetRules _rules;

    /// <summary>The hooks of <paramref name="module"/>, reading <paramref name="flags"/>; <paramref name="refuseAbstract"/> for the fixed variant.</summary>
    public Net(SecurityModule module, NetworkPrctl flags, bool refuseAbstract)
    {
        _module = module;
        _flags = flags;
        _rules = refuseAbstract ? LsmNetRules.Fixed : LsmNetRules.Posted;
    }

    /// <summary>Adds the hooks (the <c>.socket_*</c> members of <c>prctl_network_security_ops</c>).</summary>
    public void Register(HookTable hooks)
    {
        hooks.SocketCreate.Add(_module, SocketCreate);
        hooks.SocketBind.Add(_module, SocketBind);
        hooks.SocketConnect.Add(_module, SocketConnect);
        hooks.SocketSendmsg.Add(_module, SocketSendmsg);
    }

    /// <summary>prctl_network_socket_create_hook (kern ignored).</summary>
    public Errno SocketCreate(Task task, int family, int type, int protocol, bool kern) =>
        _rules.SocketCreate.Decide(Bits.Of(family), Bits.Of(_flags.IsNetworkOff(task)));

    /// <summary>prctl_network_socket_bind_hook.</summary>
    public Errno SocketBind(Task task, Socket sock, SockAddr addr) => AddressCheck(_rules.SocketBind, task, addr);

    /// <summary>prctl_network_socket_connect_hook.</summary>
    public Errno SocketConnect(Task task, Socket sock, SockAddr addr) => AddressCheck(_rules.SocketConnect, task, addr);

    /// <summary>prctl_network_socket_sendmsg_hook: <paramref name="addr"/> is null for a send without msg_name.</summary>
    public Errno SocketSendmsg(Task task, Socket sock, SockAddr? addr, int size) =>
        _rules.SocketSendmsg.Decide(Bits.Of(sock.Family), Bits.Of(addr is not null), Bits.Of(IsAbstract(addr)), Bits.Of(_flags.IsNetworkOff(task)));

    private Errno AddressCheck(Rule rule, Task task, SockAddr addr) =>
        rule.Decide(Bits.Of(addr.Family), Bits.Of(IsAbstract(addr)), Bits.Of(_flags.IsNetworkOff(task)));

    private static bool IsAbstract(SockAddr? addr) => addr is UnixAddress { Kind: UnixAddressKind.Abstract };
}
