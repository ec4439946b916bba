using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Model.Rules;
using Isolation.Properties.Stated;

namespace Isolation.Properties.Designs.RlimitNetwork;

/// <summary>
/// The "network off" claim of seed 004's three postings as stated rules over a socket call: a task
/// whose network is off may not "create, bind, connect to, or send messages except in the case of
/// previously connected sockets or AF_UNIX filesystem sockets"; and their ptrace sentences.
/// </summary>
/// <remarks>Seed 004_395e695cd1b36f96.txt; the purpose sentence is <see cref="NetworkOffClaims.Purpose"/>.</remarks>
public static class NetworkOffStatedRules
{
    private static Expr Off => NetworkOffRules.NetworkOff.Var;

    private static Expr Unix => Expr.Bv(SocketAbi.AfUnix, 32);

    // "AF_UNIX filesystem sockets": an AF_UNIX address that is not an abstract name.
    private static Expr FilesystemSocket => Expr.Eq(SocketInputs.AddrFamily.Var, Unix) & !SocketInputs.AbstractName.Var;

    // "connect to": AF_UNSPEC connects to nothing (it dissolves an association, connect(2)).
    private static Expr ConnectsTo => Expr.Ne(SocketInputs.AddrFamily.Var, Expr.Bv(SocketAbi.AfUnspec, 32));

    /// <summary>The socket claims and, for v2 and v3, the ptrace sentence; for rlimit-network its ptrace check.</summary>
    public static ImmutableArray<StatedRule> Create(string design, bool ptraceOfEquallyRestricted) =>
    [
        Stated(design, "no-new-socket", "socket", "create", Off & Expr.Ne(SocketInputs.Family.Var, Unix)),
        Stated(design, "no-bind", "bind", "bind", Off & !FilesystemSocket),
        Stated(design, "no-connect", "connect", "connect to", Off & ConnectsTo & !FilesystemSocket),
        Stated(design, "no-addressed-send", "sendmsg", "send messages", Off & SocketInputs.HasAddress.Var & !FilesystemSocket),
        ptraceOfEquallyRestricted
            ? new StatedRule(
                design,
                $"{design}/ptrace-only-of-equally-restricted",
                "ptrace",
                NetworkOffClaims.Source,
                "Documentation/prctl/network.txt: \"or, in the case of ptrace(), we are ptracing() a process which has all of our own networking restriction flags set\"",
                Expr.Ne(Expr.BvAnd(NetworkFlagRules.TracerFlags.Var, Expr.BvNot(NetworkFlagRules.TargetFlags.Var)), Expr.Bv(0, 64)))
            : new StatedRule(
                design,
                $"{design}/no-ptrace",
                "ptrace",
                NetworkOffClaims.Source,
                "Documentation/rlimit_network.txt: \"prevent processes which have dropped their networking privileges from performing network I/O by ptracing other processes\"",
                Off),
    ];

    /// <summary>v2 and v3's prctl: "Writes which attempt to clear bits in current->network return -EPERM": the flags after the call include the flags before.</summary>
    public static StatedInvariant OnlyDropped(string design) => new(
        design,
        $"{design}/flags-only-grow",
        "task_prctl",
        NetworkOffClaims.Source,
        "Documentation/prctl/network.txt: \"Writes which attempt to clear bits in current->network return -EPERM.\"",
        Expr.Eq(Expr.BvAnd(NetworkFlagRules.Flags.Var, Expr.BvNot(NetworkFlagRules.FlagsAfterSet.Body)), Expr.Bv(0, 64)))
    {
        IsMonotonicity = true,
    };

    private static StatedRule Stated(string design, string claim, string call, string verb, Expr denies) => new(
        design,
        $"{design}/{claim}",
        call,
        NetworkOffClaims.Source,
        $"{NetworkOffClaims.Purpose} (\"{verb}\")",
        denies);
}
