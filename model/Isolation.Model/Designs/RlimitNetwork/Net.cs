using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.RlimitNetwork;

/// <summary>
/// The net/socket.c and net/unix/af_unix.c hunks: EPERM for a network-off task that creates a
/// non-AF_UNIX socket, binds or connects to a non-AF_UNIX address, sends with an address on a
/// non-AF_UNIX socket, or names an abstract unix address. v2 of the prctl series
/// (prctl-network) posted the same hunks with the rlimit test replaced by <c>current-&gt;network</c>,
/// so the test is a parameter.
/// </summary>
/// <remarks>
/// Seed 004, "[PATCH] Security: Implement RLIMIT_NETWORK." and "[PATCH 2/3] Security: Implement
/// prctl(PR_SET_NETWORK, PR_NETWORK_OFF) semantics. (v2)". Each check is on the model hook point
/// standing for its place: right after security_socket_create/bind/connect/sendmsg, and in af_unix
/// right after unix_validate_addr (the 2.6.32 unix_mkname). Every refusal is -EPERM, as posted.
/// </remarks>
public sealed class Net
{
    private readonly SecurityModule _module;
    private readonly Func<Task, bool> _networkOff;

    /// <summary>The hunks for <paramref name="module"/>, with <paramref name="networkOff"/> as the design's test.</summary>
    public Net(SecurityModule module, Func<Task, bool> networkOff)
    {
        _module = module;
        _networkOff = networkOff;
    }

    /// <summary>Registers every check on its model hook point.</summary>
    public void Register(HookTable hooks)
    {
        hooks.SocketCreateInline.Add(_module, SocketCreateInline);
        hooks.SocketBindInline.Add(_module, SocketBindInline);
        hooks.SocketConnectInline.Add(_module, SocketConnectInline);
        hooks.SocketSendmsgInline.Add(_module, SocketSendmsgInline);
        hooks.UnixAddressCheck.Add(_module, UnixAddressCheck);
    }

    /// <summary>
    /// __sock_create: <c>(family == AF_UNIX || rlim_cur) ? 0 : -EPERM</c>. Before the family's
    /// create, so an unknown protocol or a family the kernel lacks is EPERM too; socketpair and
    /// kernel-internal sockets (<paramref name="kern"/>) go through it as well.
    /// </summary>
    public Errno SocketCreateInline(Task task, int family, int type, int protocol, bool kern) =>
        NetworkOffRules.SocketCreateInline.Decide(Bits.Of(family), Off(task));

    /// <summary>sys_bind: <c>(address.sa_family == AF_UNIX || rlim_cur) ? 0 : -EPERM</c>, on the family as written, whatever the socket's.</summary>
    public Errno SocketBindInline(Task task, Socket sock, SockAddr addr) =>
        NetworkOffRules.SocketBindInline.Decide(Bits.Of(addr.Family), Off(task));

    /// <summary>sys_connect: the same test as bind; AF_UNSPEC (disconnect) is not AF_UNIX, so it is refused.</summary>
    public Errno SocketConnectInline(Task task, Socket sock, SockAddr addr) =>
        NetworkOffRules.SocketConnectInline.Decide(Bits.Of(addr.Family), Off(task));

    /// <summary>
    /// __sock_sendmsg: <c>sk_family != AF_UNIX &amp;&amp; !rlim_cur &amp;&amp; (msg_name != NULL || msg_namelen != 0)</c>:
    /// a send with an address on a non-unix socket; a send on a connected socket passes.
    /// </summary>
    public Errno SocketSendmsgInline(Task task, Socket sock, SockAddr? addr, int size) =>
        NetworkOffRules.SendmsgInline.Decide(Bits.Of(sock.Family), Off(task), Bits.Of(addr is not null));

    /// <summary>
    /// unix_bind, unix_dgram_connect, unix_stream_connect, unix_dgram_sendmsg:
    /// <c>(rlim_cur || sunaddr-&gt;sun_path[0]) ? 0 : -EPERM</c>: an abstract name is refused, a pathname passes.
    /// </summary>
    public Errno UnixAddressCheck(Task task, Socket sock, UnixAddress addr) =>
        NetworkOffRules.UnixAddressCheck.Decide(Bits.Of(addr.Kind == UnixAddressKind.Abstract), Off(task));

    private UInt128 Off(Task task) => Bits.Of(_networkOff(task));
}
