using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.SocketTable;
using Isolation.Model.Rules;
using Isolation.Properties.Stated;

namespace Isolation.Properties.Designs.SocketTable;

/// <summary>socket-table's claims over the inputs of <see cref="TableRules"/>: which calls are fed through the table, and what a verdict means.</summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, Menage's proposal and his answer to Hallyn.</remarks>
public static class SocketTableStatedRules
{
    private const string Proposal =
        "Menage: \"When ever someone tries to do a bind(), accept() or connect() we create a fake packet with the appropriate local and remote addresses and ports, and feed it through the appropriate chain.\"";

    private static Expr Inet => Is(SocketInputs.Family.Var, SocketAbi.AfInet) | Is(SocketInputs.Family.Var, SocketAbi.AfInet6);

    /// <summary>The invariants: every such call of an internet socket is fed through its chain.</summary>
    public static ImmutableArray<StatedInvariant> Fed { get; } =
    [
        .. new[] { "socket_bind", "socket_connect" }.Select(hook => Invariant(
            hook,
            "calls-filtered",
            Proposal,
            Expr.Implies(Inet & Expr.Eq(SocketInputs.AddrFamily.Var, SocketInputs.Family.Var), TableRules.FedAddress.Body))),
        Invariant("socket_post_accept", "calls-filtered", Proposal, Expr.Implies(Inet, TableRules.FedAccept.Body)),
        .. new[] { "socket_sendmsg", "socket_recvmsg" }.Select(hook => Invariant(
            hook,
            "datagrams-filtered",
            "Hallyn: \"what to do about a sendto() on a udp socket that hasn't been bound.\" Menage: \"Maybe have additional chains in the new iptable called \\\"sendto\\\" and \\\"recvfrom\\\"\"",
            Expr.Implies(
                Inet & Is(SocketInputs.Type.Var, SocketAbi.SockDgram) & Expr.Eq(TableRules.LocalPort.Var, Expr.Bv(0, 32)),
                TableRules.FedDatagram.Body))),
    ];

    /// <summary>"If it gets though OK we allow the operation to proceed, else we fail with EPERM."</summary>
    public static StatedRule Verdict { get; } = new(
        SocketTableDesign.Name,
        $"{SocketTableDesign.Name}/verdict",
        "socket_table_verdict",
        "seeds/002_d6ff0dffc80eb989.txt",
        "Menage: \"If it gets though OK we allow the operation to proceed, else we fail with EPERM.\"",
        !Expr.Is(TableRules.Verdict.Var, "Accept"));

    private static StatedInvariant Invariant(string hook, string claim, string quote, Expr holds) =>
        new(SocketTableDesign.Name, $"{SocketTableDesign.Name}/{claim}", hook, "seeds/002_d6ff0dffc80eb989.txt", quote, holds);

    private static Expr Is(Expr v, int value) => Expr.Eq(v, Expr.Bv((uint)value, 32));
}
