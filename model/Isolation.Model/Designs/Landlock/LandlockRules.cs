using Isolation.Model.Abi;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// The decisions of Landlock's hooks as rules. The hooks compute the domain relations
/// (<see cref="LandlockDomain.Handles"/>, <see cref="LandlockDomain.IsScopedFrom"/>,
/// <see cref="LandlockDomain.IsWithin"/>, <see cref="LandlockDomain.AllowsNet"/>) and the rules decide from them.
/// </summary>
/// <remarks>security/landlock/task.c and net.c (6.12).</remarks>
public static class LandlockRules
{
    /// <summary>Whether the tracer (the caller of ptrace, the parent of PTRACE_TRACEME) has a domain.</summary>
    public static RuleInput TracerLandlocked { get; } = new(Expr.BoolVar("tracer_landlocked"), InputOwner.Caller);

    /// <summary>Whether the tracee has a domain that is the tracer's or below it (domain_scope_le).</summary>
    public static RuleInput TraceeWithin { get; } = new(Expr.BoolVar("tracee_within"), InputOwner.Target);

    /// <summary>Whether the sender and the target are one process.</summary>
    public static RuleInput SameProcess { get; } = new(Expr.BoolVar("same_process"), InputOwner.Target);

    /// <summary>Whether the caller's domain has the scope the hook checks (LANDLOCK_SCOPE_SIGNAL or _ABSTRACT_UNIX_SOCKET).</summary>
    public static RuleInput Scoped { get; } = new(Expr.BoolVar("scoped"), InputOwner.Caller);

    /// <summary>Whether the other side (the target, the socket's creator) is outside the caller's scoped domain (domain_is_scoped).</summary>
    public static RuleInput Outside { get; } = new(Expr.BoolVar("outside"), InputOwner.Target);

    /// <summary>Whether the receiving socket is bound to an abstract name.</summary>
    public static RuleInput AbstractPeer { get; } = new(Expr.BoolVar("abstract_peer"), InputOwner.Object);

    /// <summary>Whether the sending socket is already connected to the receiving one.</summary>
    public static RuleInput ConnectedPeer { get; } = new(Expr.BoolVar("connected_peer"), InputOwner.Object);

    /// <summary>Whether the caller's domain handles a network right.</summary>
    public static RuleInput NetLandlocked { get; } = new(Expr.BoolVar("net_landlocked"), InputOwner.Caller);

    /// <summary>Whether the socket is a TCP socket (sk_is_tcp).</summary>
    public static RuleInput IsTcp { get; } = new(Expr.BoolVar("is_tcp"), InputOwner.Object);

    /// <summary>addrlen as passed to bind or connect.</summary>
    public static RuleInput AddrLen { get; } = new(Expr.BvVar("addr_len", 32), InputOwner.Argument);

    /// <summary>Whether every layer lets the right through the address's port.</summary>
    public static RuleInput PortAllowed { get; } = new(Expr.BoolVar("port_allowed"), InputOwner.Configuration);

    /// <summary>Whether every layer lets the right through port 0 (what an AF_UNSPEC bind binds).</summary>
    public static RuleInput Port0Allowed { get; } = new(Expr.BoolVar("port0_allowed"), InputOwner.Configuration);

    /// <summary>task_ptrace: a tracer with a domain may trace only a task in its domain or below (EPERM).</summary>
    public static Rule Ptrace { get; } = new(
        "landlock/task_ptrace",
        Decision.AllowIf(!TracerLandlocked.Var | TraceeWithin.Var, Errno.EPERM),
        TracerLandlocked, TraceeWithin);

    /// <summary>hook_task_kill: a task scoped for signals may signal only its own process and processes inside its domain (EPERM).</summary>
    public static Rule TaskKill { get; } = new(
        "landlock/hook_task_kill",
        Decision.DenyIf(!SameProcess.Var & Scoped.Var & Outside.Var, Errno.EPERM),
        SameProcess, Scoped, Outside);

    /// <summary>hook_unix_stream_connect: a task scoped for abstract sockets may not connect to one created outside its domain (EPERM).</summary>
    public static Rule UnixStreamConnect { get; } = new(
        "landlock/hook_unix_stream_connect",
        Decision.DenyIf(Scoped.Var & AbstractPeer.Var & Outside.Var, Errno.EPERM),
        Scoped, AbstractPeer, Outside);

    /// <summary>hook_unix_may_send: the same, except to the peer the socket is already connected to.</summary>
    public static Rule UnixMaySend { get; } = new(
        "landlock/hook_unix_may_send",
        Decision.DenyIf(!ConnectedPeer.Var & Scoped.Var & AbstractPeer.Var & Outside.Var, Errno.EPERM),
        ConnectedPeer, Scoped, AbstractPeer, Outside);

    /// <summary>current_check_access_socket for LANDLOCK_ACCESS_NET_BIND_TCP.</summary>
    public static Rule SocketBind { get; } = NetRule("hook_socket_bind", connect: false);

    /// <summary>current_check_access_socket for LANDLOCK_ACCESS_NET_CONNECT_TCP.</summary>
    public static Rule SocketConnect { get; } = NetRule("hook_socket_connect", connect: true);

    /// <summary>
    /// current_check_access_socket: nothing for a task whose domain handles no network right or a
    /// socket that is not TCP; EINVAL for an address shorter than its family; AF_UNSPEC is a
    /// disconnect for connect (allowed), port 0 of INADDR_ANY for an IPv4 bind, EAFNOSUPPORT for an
    /// IPv6 bind; other families pass; a family that is not the socket's is EINVAL; then EACCES
    /// unless every layer allows the port.
    /// </summary>
    private static Rule NetRule(string hook, bool connect)
    {
        var len = AddrLen.Var;
        var family = SocketInputs.Family.Var;
        var addrFamily = SocketInputs.AddrFamily.Var;
        Expr Is(Expr v, int value) => Expr.Eq(v, Expr.Bv((uint)value, 32));
        Expr Shorter(int size) => Expr.Ult(len, Expr.Bv((uint)size, 32));
        var checkPort = Expr.Ite(
            !Is(addrFamily, SocketAbi.AfUnspec) & Expr.Ne(addrFamily, family),
            Decision.Deny(Errno.EINVAL),
            Decision.AllowIf(Expr.Ite(Is(addrFamily, SocketAbi.AfUnspec), Port0Allowed.Var, PortAllowed.Var), Errno.EACCES));
        var unspec = connect
            ? Decision.Allow
            : Expr.Ite(
                Is(family, SocketAbi.AfInet),
                Expr.Ite(Shorter(16), Decision.Deny(Errno.EINVAL), checkPort),
                Expr.Ite(Shorter(24), Decision.Deny(Errno.EINVAL), Decision.Deny(Errno.EAFNOSUPPORT)));
        var body = Expr.Ite(
            !NetLandlocked.Var | !IsTcp.Var,
            Decision.Allow,
            Expr.Ite(
                Shorter(2),
                Decision.Deny(Errno.EINVAL),
                Expr.Ite(
                    Is(addrFamily, SocketAbi.AfUnspec),
                    unspec,
                    Expr.Ite(
                        Is(addrFamily, SocketAbi.AfInet),
                        Expr.Ite(Shorter(16), Decision.Deny(Errno.EINVAL), checkPort),
                        Expr.Ite(
                            Is(addrFamily, SocketAbi.AfInet6),
                            Expr.Ite(Shorter(24), Decision.Deny(Errno.EINVAL), checkPort),
                            Decision.Allow)))));
        return new Rule($"landlock/{hook}", body, NetLandlocked, IsTcp, AddrLen, SocketInputs.Family, SocketInputs.AddrFamily, PortAllowed, Port0Allowed);
    }
}
