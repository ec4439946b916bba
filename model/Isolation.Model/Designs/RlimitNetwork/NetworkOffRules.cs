using Isolation.Model.Abi;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.RlimitNetwork;

/// <summary>
/// The decisions of the inline hunks of RLIMIT_NETWORK (and of PR_SET_NETWORK v2, which posted the
/// same hunks with <c>current-&gt;network</c> as the test): each a rule over the call's arguments and
/// <c>network_off</c>, the design's test of the calling task. <see cref="Net"/> and
/// <see cref="TaskHooks"/> evaluate them.
/// </summary>
/// <remarks>Seed 004, "[PATCH] Security: Implement RLIMIT_NETWORK." and "[PATCH 2/3] … (v2)"; every refusal is -EPERM, as posted.</remarks>
public static class NetworkOffRules
{
    /// <summary>The calling task's test (rlimit_cur == 0, or current-&gt;network != 0).</summary>
    public static RuleInput NetworkOff { get; } = new(Expr.BoolVar("network_off"), InputOwner.Caller);

    private static Expr Unix => Expr.Bv(SocketAbi.AfUnix, 32);

    /// <summary>__sock_create: <c>(family == AF_UNIX || rlim_cur) ? 0 : -EPERM</c>.</summary>
    public static Rule SocketCreateInline { get; } = new(
        "network-off-inline/socket_create",
        Decision.AllowIf(Expr.Eq(SocketInputs.Family.Var, Unix) | !NetworkOff.Var, Errno.EPERM),
        SocketInputs.Family,
        NetworkOff);

    /// <summary>sys_bind: <c>(address.sa_family == AF_UNIX || rlim_cur) ? 0 : -EPERM</c>, on the family as written.</summary>
    public static Rule SocketBindInline { get; } = AddressFamilyRule("socket_bind");

    /// <summary>sys_connect: the same test as bind (AF_UNSPEC, a disconnect, is not AF_UNIX and is refused).</summary>
    public static Rule SocketConnectInline { get; } = AddressFamilyRule("socket_connect");

    /// <summary>__sock_sendmsg: <c>sk_family != AF_UNIX &amp;&amp; !rlim_cur &amp;&amp; msg_name</c> is -EPERM.</summary>
    public static Rule SendmsgInline { get; } = new(
        "network-off-inline/socket_sendmsg",
        Decision.DenyIf(Expr.Ne(SocketInputs.Family.Var, Unix) & NetworkOff.Var & SocketInputs.HasAddress.Var, Errno.EPERM),
        SocketInputs.Family,
        NetworkOff,
        SocketInputs.HasAddress);

    /// <summary>af_unix after unix_validate_addr: <c>(rlim_cur || sunaddr-&gt;sun_path[0]) ? 0 : -EPERM</c>.</summary>
    public static Rule UnixAddressCheck { get; } = new(
        "network-off-inline/unix_address_check",
        Decision.DenyIf(SocketInputs.AbstractName.Var & NetworkOff.Var, Errno.EPERM),
        SocketInputs.AbstractName,
        NetworkOff);

    /// <summary>kernel/ptrace.c of RLIMIT_NETWORK: <c>if (!rlim_cur) return -EPERM;</c>, whatever the target.</summary>
    public static Rule PtraceRlimit { get; } = new(
        "rlimit-network/ptrace_may_access",
        Decision.DenyIf(NetworkOff.Var, Errno.EPERM),
        NetworkOff);


    private static Rule AddressFamilyRule(string hook) => new(
        $"network-off-inline/{hook}",
        Decision.AllowIf(Expr.Eq(SocketInputs.AddrFamily.Var, Unix) | !NetworkOff.Var, Errno.EPERM),
        SocketInputs.AddrFamily,
        NetworkOff);
}
