using Isolation.Model.Abi;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// The decisions of the socket table: whether one rule matches a fake packet (iptables' matches
/// plus the control_group match), the errno of a verdict, and which socket calls are fed through
/// the table at all.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, Menage's proposal and his answer on sendto/recvfrom; iptables(8).</remarks>
public static class TableRules
{
    /// <summary>The fake packet's protocol.</summary>
    public static RuleInput Proto { get; } = new(Expr.BvVar("proto", 32), InputOwner.Argument);

    /// <summary>The fake packet's source address.</summary>
    public static RuleInput Src { get; } = new(Expr.BvVar("src", 32), InputOwner.Argument, "ipv4");

    /// <summary>The fake packet's source port.</summary>
    public static RuleInput Sport { get; } = new(Expr.BvVar("sport", 32), InputOwner.Argument, "port");

    /// <summary>The fake packet's destination address.</summary>
    public static RuleInput Dst { get; } = new(Expr.BvVar("dst", 32), InputOwner.Argument, "ipv4");

    /// <summary>The fake packet's destination port.</summary>
    public static RuleInput Dport { get; } = new(Expr.BvVar("dport", 32), InputOwner.Argument, "port");

    /// <summary>The caller's cgroup's network_id.</summary>
    public static RuleInput NetworkId { get; } = new(Expr.BvVar("network_id", 64), InputOwner.Caller);

    /// <summary>The rule's <c>-p</c> (0: all).</summary>
    public static RuleInput RuleProto { get; } = new(Expr.BvVar("r_proto", 32), InputOwner.Configuration);

    /// <summary>Whether the rule has <c>-s</c>.</summary>
    public static RuleInput HasSrc { get; } = new(Expr.BoolVar("r_has_src"), InputOwner.Configuration);

    /// <summary>The <c>-s</c> network.</summary>
    public static RuleInput SrcNet { get; } = new(Expr.BvVar("r_src_net", 32), InputOwner.Configuration, "ipv4");

    /// <summary>The <c>-s</c> prefix length.</summary>
    public static RuleInput SrcPrefix { get; } = new(Expr.BvVar("r_src_prefix", 32), InputOwner.Configuration);

    /// <summary>Whether the rule has <c>-d</c>.</summary>
    public static RuleInput HasDst { get; } = new(Expr.BoolVar("r_has_dst"), InputOwner.Configuration);

    /// <summary>The <c>-d</c> network.</summary>
    public static RuleInput DstNet { get; } = new(Expr.BvVar("r_dst_net", 32), InputOwner.Configuration, "ipv4");

    /// <summary>The <c>-d</c> prefix length.</summary>
    public static RuleInput DstPrefix { get; } = new(Expr.BvVar("r_dst_prefix", 32), InputOwner.Configuration);

    /// <summary>Whether the rule has <c>--sport</c>.</summary>
    public static RuleInput HasSport { get; } = new(Expr.BoolVar("r_has_sport"), InputOwner.Configuration);

    /// <summary>The <c>--sport</c> range's low end.</summary>
    public static RuleInput SportLow { get; } = new(Expr.BvVar("r_sport_low", 32), InputOwner.Configuration, "port");

    /// <summary>The <c>--sport</c> range's high end.</summary>
    public static RuleInput SportHigh { get; } = new(Expr.BvVar("r_sport_high", 32), InputOwner.Configuration, "port");

    /// <summary>Whether the rule has <c>--dport</c>.</summary>
    public static RuleInput HasDport { get; } = new(Expr.BoolVar("r_has_dport"), InputOwner.Configuration);

    /// <summary>The <c>--dport</c> range's low end.</summary>
    public static RuleInput DportLow { get; } = new(Expr.BvVar("r_dport_low", 32), InputOwner.Configuration, "port");

    /// <summary>The <c>--dport</c> range's high end.</summary>
    public static RuleInput DportHigh { get; } = new(Expr.BvVar("r_dport_high", 32), InputOwner.Configuration, "port");

    /// <summary>Whether the rule has <c>-m control_group --network-id</c>.</summary>
    public static RuleInput HasIds { get; } = new(Expr.BoolVar("r_has_ids"), InputOwner.Configuration);

    /// <summary>The network-id range's low end.</summary>
    public static RuleInput IdsLow { get; } = new(Expr.BvVar("r_ids_low", 64), InputOwner.Configuration);

    /// <summary>The network-id range's high end.</summary>
    public static RuleInput IdsHigh { get; } = new(Expr.BvVar("r_ids_high", 64), InputOwner.Configuration);

    /// <summary>A chain's verdict for the packet.</summary>
    public static RuleInput Verdict { get; } = new(Expr.Var("verdict", Sort.Enum("Verdict", "Accept", "Drop", "Reject")), InputOwner.Configuration);

    /// <summary>The socket's type.</summary>
    public static RuleInput Type { get; } = SocketInputs.Type;

    /// <summary>The socket's local port (inet_num; 0 while unbound).</summary>
    public static RuleInput LocalPort { get; } = new(Expr.BvVar("local_port", 32), InputOwner.Object, "port");

    /// <summary>
    /// Whether a rule matches the packet of a caller with network_id: every match it has holds — the
    /// protocol (0 for any), <c>-s</c>/<c>-d</c> as network and prefix, the port ranges, the network-id range.
    /// </summary>
    public static Rule Matches { get; } = new(
        "socket-table/rule_matches",
        (Expr.Eq(RuleProto.Var, Expr.Bv(0, 32)) | Expr.Eq(RuleProto.Var, Proto.Var))
        & (!HasSrc.Var | Expr.InPrefix(Src.Var, SrcNet.Var, SrcPrefix.Var))
        & (!HasDst.Var | Expr.InPrefix(Dst.Var, DstNet.Var, DstPrefix.Var))
        & (!HasSport.Var | (Expr.Ule(SportLow.Var, Sport.Var) & Expr.Ule(Sport.Var, SportHigh.Var)))
        & (!HasDport.Var | (Expr.Ule(DportLow.Var, Dport.Var) & Expr.Ule(Dport.Var, DportHigh.Var)))
        & (!HasIds.Var | (Expr.Ule(IdsLow.Var, NetworkId.Var) & Expr.Ule(NetworkId.Var, IdsHigh.Var))),
        Proto, Src, Sport, Dst, Dport, NetworkId, RuleProto, HasSrc, SrcNet, SrcPrefix, HasDst, DstNet, DstPrefix,
        HasSport, SportLow, SportHigh, HasDport, DportLow, DportHigh, HasIds, IdsLow, IdsHigh)
    {
        // Prefixes are 0..32; ports are 16-bit; network ids and their ranges are non-negative longs, so unsigned order is the code's signed order.
        Domain = Expr.Ule(SrcPrefix.Var, Expr.Bv(32, 32)) & Expr.Ule(DstPrefix.Var, Expr.Bv(32, 32))
            & Expr.And([.. new[] { Sport, Dport, SportLow, SportHigh, DportLow, DportHigh }.Select(p => Expr.Ule(p.Var, Expr.Bv(65535, 32)))])
            & Expr.And([.. new[] { NetworkId, IdsLow, IdsHigh }.Select(i => Expr.Ult(i.Var, Expr.Bv(UInt128.One << 63, 64)))]),
    };

    /// <summary>"If it gets though OK we allow the operation to proceed, else we fail with EPERM": ACCEPT allows, DROP and REJECT are EPERM.</summary>
    public static Rule VerdictErrno { get; } = new(
        "socket-table/verdict_errno",
        Decision.AllowIf(Expr.Is(Verdict.Var, "Accept"), Errno.EPERM),
        Verdict);

    /// <summary>bind and connect: fed through the table when the socket is AF_INET and the address an IPv4 one.</summary>
    public static Rule FedAddress { get; } = new(
        "socket-table/fed_bind_connect",
        Family(SocketAbi.AfInet) & Expr.Eq(SocketInputs.AddrFamily.Var, Expr.Bv(SocketAbi.AfInet, 32)),
        SocketInputs.Family, SocketInputs.AddrFamily);

    /// <summary>accept: fed when the accepted socket is AF_INET.</summary>
    public static Rule FedAccept { get; } = new("socket-table/fed_accept", Family(SocketAbi.AfInet), SocketInputs.Family);

    /// <summary>sendto and recvfrom: fed only on an AF_INET datagram socket without a local port.</summary>
    public static Rule FedDatagram { get; } = new(
        "socket-table/fed_datagram",
        Family(SocketAbi.AfInet) & Expr.Eq(Type.Var, Expr.Bv(SocketAbi.SockDgram, 32)) & Expr.Eq(LocalPort.Var, Expr.Bv(0, 32)),
        SocketInputs.Family, Type, LocalPort);

    private static Expr Family(int family) => Expr.Eq(SocketInputs.Family.Var, Expr.Bv((uint)family, 32));
}
