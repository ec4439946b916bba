using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Model.Rules;

namespace Isolation.Solver.Calls;

/// <summary>
/// Where the kernel calls hooks for the calls the stated rules speak of, in the order
/// <c>SecurityHooks</c> and the af_unix model call them; any other call is one hook on its own.
/// The witnesses' scenarios check these paths: a wrong path gives a scenario whose decisive line
/// the simulator answers otherwise, and the replay test fails.
/// </summary>
public static class KernelPaths
{
    private static Expr Family => SocketInputs.Family.Var;

    private static Expr AddrFamily => SocketInputs.AddrFamily.Var;

    private static Expr HasAddr => SocketInputs.HasAddress.Var;

    /// <summary>The path of <paramref name="call"/>.</summary>
    public static CallPath For(string call) => Named(call) is { } named ? named with { SharedVocabulary = true } : new CallPath(call, [new(call, Expr.True)], Expr.True, SocketPreference);

    private static CallPath? Named(string call) => call switch
    {
        "socket" => new CallPath(
            call,
            [new("socket_create", Expr.True), new("socket_create_inline", Expr.True)],
            Expr.True,
            Is(Family, SocketAbi.AfUnix, SocketAbi.AfInet, SocketAbi.AfInet6) & Is(SocketInputs.Type.Var, SocketAbi.SockStream, SocketAbi.SockDgram)),
        "bind" or "connect" => new CallPath(
            call,
            [new($"socket_{call}", Expr.True), new($"socket_{call}_inline", Expr.True), new("unix_address_check", UnixNamed)],
            HasAddr & AddressFitsSocket(call),
            SocketPreference),
        "sendmsg" => new CallPath(
            call,
            [new("socket_sendmsg", Expr.True), new("socket_sendmsg_inline", Expr.True), new("unix_address_check", HasAddr & UnixNamed)],
            AddressFitsSocket(call),
            SocketPreference),
        "ptrace" => new CallPath(
            call,
            [new("ptrace_may_access_inline", Expr.True), new("ptrace_access_check", Expr.True)],
            // The caller is the tracer: its "network off" is its flag word being non-zero (v2, v3).
            Expr.Eq(NetworkOffRules.NetworkOff.Var, Expr.Ne(NetworkFlagRules.TracerFlags.Var, Expr.Bv(0, 64))),
            Expr.Ule(NetworkFlagRules.TracerFlags.Var, Expr.Bv(1, 64)) & Expr.Ule(NetworkFlagRules.TargetFlags.Var, Expr.Bv(1, 64))),
        _ => null,
    };

    // unix_address_check runs for an AF_UNIX socket given an AF_UNIX name (after unix_validate_addr).
    private static Expr UnixNamed => Is(Family, SocketAbi.AfUnix) & Is(AddrFamily, SocketAbi.AfUnix);

    private static Expr SocketPreference =>
        Is(Family, SocketAbi.AfUnix, SocketAbi.AfInet, SocketAbi.AfInet6) & Is(SocketInputs.Type.Var, SocketAbi.SockStream, SocketAbi.SockDgram)
        & Is(AddrFamily, SocketAbi.AfUnspec, SocketAbi.AfUnix, SocketAbi.AfInet, SocketAbi.AfInet6);

    /// <summary>
    /// An address the socket's protocol accepts at all: its own family, or AF_UNSPEC where the
    /// protocol takes it (inet bind, connect and sendmsg: inet_bind, inet_dgram_connect,
    /// udp_sendmsg; unix only for connect: unix_dgram_connect); an abstract name is an AF_UNIX
    /// address. Every protocol refuses an address of another family (EINVAL, EAFNOSUPPORT: unix_validate_addr,
    /// inet_bind, netlink_bind, …) whatever the hooks say, so such calls open no channel.
    /// </summary>
    private static Expr AddressFitsSocket(string call) =>
        Expr.Implies(SocketInputs.AbstractName.Var, HasAddr & Is(AddrFamily, SocketAbi.AfUnix))
        & Expr.Implies(
            HasAddr,
            Expr.Eq(AddrFamily, Family) | (Is(AddrFamily, SocketAbi.AfUnspec) & (call == "connect" ? Expr.True : !Is(Family, SocketAbi.AfUnix))));

    private static Expr Is(Expr v, params int[] values) => Expr.Or([.. values.Select(x => Expr.Eq(v, Expr.Bv((uint)x, 32)))]);
}
