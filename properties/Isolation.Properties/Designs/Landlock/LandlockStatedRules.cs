using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.Landlock;
using Isolation.Model.Rules;
using Isolation.Properties.Stated;

namespace Isolation.Properties.Designs.Landlock;

/// <summary>Landlock's documented semantics as stated rules over the inputs of <see cref="LandlockRules"/>, for each release the model has.</summary>
/// <remarks>Documentation/userspace-api/landlock.rst (Linux 6.12).</remarks>
public static class LandlockStatedRules
{
    private const string Source = "Documentation/userspace-api/landlock.rst (Linux 6.12)";

    /// <summary>The stated rules of <paramref name="design"/> (landlock or landlock-6.18).</summary>
    public static ImmutableArray<StatedRule> Create(string design) =>
    [
        .. new[] { "ptrace_access_check", "ptrace_traceme" }.Select(hook => new StatedRule(
            design,
            $"{design}/ptrace-within-domain",
            hook,
            Source,
            "\"the tracee must be in a sub-domain of the tracer\"",
            LandlockRules.TracerLandlocked.Var & !LandlockRules.TraceeWithin.Var)),
        new(
            design,
            $"{design}/signal-scope",
            "task_kill",
            Source,
            "LANDLOCK_SCOPE_SIGNAL: \"Restrict a sandboxed process from sending a signal to another process outside the domain.\"",
            !LandlockRules.SameProcess.Var & LandlockRules.Scoped.Var & LandlockRules.Outside.Var),
        .. new[] { "unix_stream_connect", "unix_may_send" }.Select(hook => new StatedRule(
            design,
            $"{design}/abstract-unix-scope",
            hook,
            Source,
            "LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET: \"Restrict a sandboxed process from connecting to an abstract UNIX socket created by a process outside the related Landlock domain\"",
            LandlockRules.Scoped.Var & LandlockRules.AbstractPeer.Var & LandlockRules.Outside.Var)),
        Net(design, "socket_bind_addrlen", "tcp-bind", "LANDLOCK_ACCESS_NET_BIND_TCP: \"Bind a TCP socket to a local port.\""),
        Net(design, "socket_connect_addrlen", "tcp-connect", "LANDLOCK_ACCESS_NET_CONNECT_TCP: \"Connect an active TCP socket to a remote port.\""),
    ];

    // A TCP bind or connect of a task whose domain handles the right, to an address of the socket's
    // family and length, is refused (EACCES) unless a rule of every layer allows the port; AF_UNSPEC
    // is port 0 for an IPv4 bind and no connection at all for connect.
    private static StatedRule Net(string design, string hook, string claim, string quote)
    {
        var family = SocketInputs.Family.Var;
        var addrFamily = SocketInputs.AddrFamily.Var;
        Expr Is(Expr v, int value) => Expr.Eq(v, Expr.Bv((uint)value, 32));
        var connect = hook == "socket_connect_addrlen";
        var port = Expr.Ite(Is(addrFamily, SocketAbi.AfUnspec), LandlockRules.Port0Allowed.Var, LandlockRules.PortAllowed.Var);
        Expr Fits(int size) => Expr.Ule(Expr.Bv((uint)size, 32), LandlockRules.AddrLen.Var);
        var toPort =
            (Is(addrFamily, SocketAbi.AfInet) & Is(family, SocketAbi.AfInet) & Fits(16))
            | (Is(addrFamily, SocketAbi.AfInet6) & Is(family, SocketAbi.AfInet6) & Fits(24))
            | (connect ? Expr.False : Is(addrFamily, SocketAbi.AfUnspec) & Is(family, SocketAbi.AfInet) & Fits(16));

        // The calls the claim speaks of: TCP sockets are AF_INET or AF_INET6; an address the protocol
        // takes at all (its own family at its full length, or AF_UNSPEC where it means something).
        var scope = Expr.Implies(
            LandlockRules.IsTcp.Var,
            toPort | (connect ? Is(addrFamily, SocketAbi.AfUnspec) & Fits(2) : Expr.False));
        return new StatedRule(
            design,
            $"{design}/{claim}",
            hook,
            Source,
            quote + " (refused unless a rule of every layer that handles the right allows the port)",
            LandlockRules.NetLandlocked.Var & LandlockRules.IsTcp.Var & toPort & !port)
        {
            Scope = scope,
        };
    }
}
