using Isolation.Model.Abi;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.NetContainer;

/// <summary>
/// The decisions of the network container: network_socket_bind's filter, and can_attach (none as
/// posted; CAP_NET_ADMIN in the variant Hallyn asked for).
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, patches 1/3 to 3/3 and Hallyn's review of 1/3.</remarks>
public static class ContainerRules
{
    /// <summary>security_registered: the first child container registered the hooks.</summary>
    public static RuleInput Registered { get; } = new(Expr.BoolVar("registered"), InputOwner.Configuration);

    /// <summary>Whether the caller is in the root container (top_network).</summary>
    public static RuleInput InRoot { get; } = new(Expr.BoolVar("in_root"), InputOwner.Caller);

    /// <summary>Whether the address's sin_addr is on the caller's container's list.</summary>
    public static RuleInput Listed { get; } = new(Expr.BoolVar("listed"), InputOwner.Configuration);

    /// <summary>Whether the task moving a task has CAP_NET_ADMIN.</summary>
    public static RuleInput NetAdmin { get; } = new(Expr.BoolVar("net_admin"), InputOwner.Caller);

    /// <summary>
    /// network_socket_bind: nothing before registration, in the root container, for a socket that is
    /// not AF_INET, or for INADDR_ANY (an address that is not AF_INET counts as 0); otherwise EPERM
    /// unless sin_addr is on the list.
    /// </summary>
    public static Rule SocketBind { get; } = new(
        "netcontainer/network_socket_bind",
        Decision.DenyIf(
            Registered.Var & !InRoot.Var & Expr.Eq(SocketInputs.Family.Var, Expr.Bv(SocketAbi.AfInet, 32))
            & Expr.Eq(SocketInputs.AddrFamily.Var, Expr.Bv(SocketAbi.AfInet, 32)) & Expr.Ne(SocketInputs.Ipv4.Var, Expr.Bv(0, 32)) & !Listed.Var,
            Errno.EPERM),
        Registered, InRoot, SocketInputs.Family, SocketInputs.AddrFamily, SocketInputs.Ipv4, Listed)
    {
        // A task outside the root container is in a child container, whose creation registered the hooks.
        Domain = Expr.Implies(!InRoot.Var, Registered.Var),
    };

    /// <summary>can_attach as posted (<c>.can_attach = NULL</c>): every move the cgroup core permits.</summary>
    public static Rule CanAttachPosted { get; } = new("netcontainer/can_attach", Decision.Allow, NetAdmin);

    /// <summary>can_attach of the variant: EPERM unless the writer has CAP_NET_ADMIN.</summary>
    public static Rule CanAttachNetAdmin { get; } = new("netcontainer-can-attach/can_attach", Decision.AllowIf(NetAdmin.Var, Errno.EPERM), NetAdmin);
}
