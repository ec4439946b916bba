namespace Isolation.Model.Rules;

/// <summary>
/// The inputs socket rules share, with one name each in every design, so that formulas over a
/// socket call can hand the same values to every design's rules.
/// </summary>
public static class SocketInputs
{
    /// <summary>The socket's family (socket(2)'s domain, or sk_family of an existing socket).</summary>
    public static RuleInput Family { get; } = new(Expr.BvVar("family", 32), InputOwner.Argument);

    /// <summary>The socket's type (SOCK_STREAM, SOCK_DGRAM, …, flags masked off).</summary>
    public static RuleInput Type { get; } = new(Expr.BvVar("type", 32), InputOwner.Argument);

    /// <summary>The sa_family of the address the call names.</summary>
    public static RuleInput AddrFamily { get; } = new(Expr.BvVar("addr_family", 32), InputOwner.Argument);

    /// <summary>Whether the address is an abstract AF_UNIX name (sun_path[0] == 0, not autobind).</summary>
    public static RuleInput AbstractName { get; } = new(Expr.BoolVar("abstract_name"), InputOwner.Argument);

    /// <summary>Whether a send names an address (msg_name != NULL).</summary>
    public static RuleInput HasAddress { get; } = new(Expr.BoolVar("has_addr"), InputOwner.Argument);

    /// <summary>The IPv4 address the call names, as the number inet_addr gives read most significant byte first.</summary>
    public static RuleInput Ipv4 { get; } = new(Expr.BvVar("ipv4", 32), InputOwner.Argument, "ipv4");

    /// <summary>The IPv6 address the call names.</summary>
    public static RuleInput Ipv6 { get; } = new(Expr.BvVar("ipv6", 128), InputOwner.Argument, "ipv6");

    /// <summary>The port the call names.</summary>
    public static RuleInput Port { get; } = new(Expr.BvVar("port", 16), InputOwner.Argument, "port");

    /// <summary>Whether an address that is not AF_UNIX comes with the AF_UNIX family: the domain every socket rule assumes.</summary>
    public static Expr AbstractIsUnix => Expr.Implies(AbstractName.Var, Expr.Eq(AddrFamily.Var, Expr.Bv(Abi.SocketAbi.AfUnix, 32)));
}
