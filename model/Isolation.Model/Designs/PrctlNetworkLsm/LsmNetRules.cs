using Isolation.Model.Abi;
using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.PrctlNetworkLsm;

/// <summary>
/// The decisions of security/prctl_network.c's socket hooks, as posted (every AF_UNIX socket and
/// address exempt, abstract names included) or in the fixed variant (abstract names refused as v1
/// and v2 did). <see cref="Net"/> evaluates them.
/// </summary>
/// <remarks>Seed 004, "[PATCH 2/3] … (v3)": prctl_network_socket_{create,bind,connect,sendmsg}_hook and maybe_allow.</remarks>
public sealed class LsmNetRules
{
    private LsmNetRules(bool refuseAbstract)
    {
        var design = refuseAbstract ? PrctlNetworkLsmFixedDesign.Name : PrctlNetworkLsmDesign.Name;
        var off = NetworkOffRules.NetworkOff;
        var unix = Expr.Bv(SocketAbi.AfUnix, 32);
        var refused = refuseAbstract ? SocketInputs.AbstractName.Var : Expr.False;

        // maybe_allow: "if (current->network) return -EPERM; return 0;".
        var maybeAllow = Decision.DenyIf(off.Var, Errno.EPERM);
        SocketCreate = new Rule(
            $"{design}/socket_create",
            Expr.Ite(Expr.Eq(SocketInputs.Family.Var, unix), Decision.Allow, maybeAllow),
            SocketInputs.Family,
            off);
        var addressCheck = Expr.Ite(Expr.Eq(SocketInputs.AddrFamily.Var, unix) & !refused, Decision.Allow, maybeAllow);
        SocketBind = new Rule($"{design}/socket_bind", addressCheck, SocketInputs.AddrFamily, SocketInputs.AbstractName, off) { Domain = SocketInputs.AbstractIsUnix };
        SocketConnect = new Rule($"{design}/socket_connect", addressCheck, SocketInputs.AddrFamily, SocketInputs.AbstractName, off) { Domain = SocketInputs.AbstractIsUnix };
        SocketSendmsg = new Rule(
            $"{design}/socket_sendmsg",
            Expr.Ite(
                Expr.Eq(SocketInputs.Family.Var, unix),
                Expr.Ite(refused & SocketInputs.HasAddress.Var, maybeAllow, Decision.Allow),
                Decision.DenyIf(off.Var & SocketInputs.HasAddress.Var, Errno.EPERM)),
            SocketInputs.Family,
            SocketInputs.HasAddress,
            SocketInputs.AbstractName,
            off)
        {
            Domain = Expr.Implies(SocketInputs.AbstractName.Var, SocketInputs.HasAddress.Var),
        };
    }

    /// <summary>The rules of the design as posted.</summary>
    public static LsmNetRules Posted { get; } = new(refuseAbstract: false);

    /// <summary>The rules of prctl-network-lsm-fixed.</summary>
    public static LsmNetRules Fixed { get; } = new(refuseAbstract: true);

    /// <summary>prctl_network_socket_create_hook: AF_UNIX passes, any other family is maybe_allow().</summary>
    public Rule SocketCreate { get; }

    /// <summary>prctl_network_socket_bind_hook: an AF_UNIX address passes (the fixed variant: not an abstract one).</summary>
    public Rule SocketBind { get; }

    /// <summary>prctl_network_socket_connect_hook: as bind.</summary>
    public Rule SocketConnect { get; }

    /// <summary>prctl_network_socket_sendmsg_hook: a non-unix socket with msg_name is EPERM; a unix socket sends anywhere (fixed: but to an abstract name).</summary>
    public Rule SocketSendmsg { get; }
}
