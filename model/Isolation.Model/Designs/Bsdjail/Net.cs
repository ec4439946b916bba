using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>
/// The socket hooks: the jail's one address per family for inet sockets, and the jail label of
/// abstract unix sockets that unix connects and sends compare.
/// </summary>
public sealed partial class BsdjailModule
{
    private void AddNetHooks(HookTable hooks)
    {
        hooks.SocketCreate.Add(this, SocketCreate);
        hooks.SocketPostCreate.Add(this, SocketPostCreate);
        hooks.SocketBind.Add(this, SocketBind);
        hooks.SocketBindAddress.Add(this, SocketBindAddress);
        hooks.SocketListen.Add(this, SocketListen);
        hooks.UnixStreamConnect.Add(this, (task, sock, other, newSock) => UnixPeerCheck(task, other));
        hooks.UnixMaySend.Add(this, (task, sock, other) => UnixPeerCheck(task, other));
    }

    /// <summary>
    /// jail_socket_create: "If locked in an ipv6 jail, don't let them use ipv4, and vice versa"
    /// (EPERM); a jail without an address restricts no family, and other families are never
    /// restricted.
    /// </summary>
    private Errno SocketCreate(Task task, int family, int type, int protocol, bool kern)
    {
        var jail = ActiveJail(task);
        return JailRules.SocketCreate.Decide(Bits.Of(family), Bits.Of(kern), Bits.Of(jail is not null), Bits.Of(jail?.GotIpv4 ?? false), Bits.Of(jail?.GotIpv6 ?? false));
    }

    /// <summary>jail_socket_post_create: a jailed task's new inet socket gets the jail's address as its source address.</summary>
    private Errno SocketPostCreate(Task task, Socket sock, int family, int type, int protocol, bool kern)
    {
        if (kern || ActiveJail(task) is not { HasAddress: true } jail)
        {
            return Errno.None;
        }

        if (family == SocketAbi.AfInet)
        {
            sock.InetSaddr = jail.Addr4;
        }
        else if (family == SocketAbi.AfInet6)
        {
            sock.InetSaddr = jail.Addr6;
        }

        return Errno.None;
    }

    /// <summary>
    /// jail_socket_bind: a unix socket bound by a jailed task to an abstract name carries the
    /// jail (jail_socket_unix_bind); an inet bind must name the jail's address, 127.0.0.1 or
    /// INADDR_ANY (jail_inet4_bind "remaps" those into a local variable, so the socket binds what
    /// was asked), or the jail's IPv6 address or ::1 (jail_inet6_bind) — else EPERM, as for a
    /// family the jail has no address of. A jail without addresses binds anything.
    /// </summary>
    private Errno SocketBind(Task task, Socket sock, SockAddr addr)
    {
        if (ActiveJail(task) is { } jail && sock.Family == SocketAbi.AfUnix && addr is UnixAddress { Kind: UnixAddressKind.Abstract })
        {
            SetBlob(sock.Security, jail);
        }

        return JailRules.SocketBind.Decide(BindInputs(task, sock, addr));
    }

    /// <summary>
    /// jail_inet6_bind's <c>ipv6_addr_copy(sin6_addr, jailaddr)</c>: a jailed bind to ::1 binds
    /// the jail's IPv6 address instead (the hook writes the kernel's copy of the address).
    /// </summary>
    private SockAddr? SocketBindAddress(Task task, Socket sock, SockAddr addr)
    {
        var inputs = BindInputs(task, sock, addr);
        return JailRules.RemapsLoopback6.Holds(inputs[0], inputs[1], inputs[3], inputs[4], inputs[5], inputs[6], inputs[8]) && addr is InetAddress v6
            ? v6 with { Address = ActiveJail(task)!.Addr6 }
            : null;
    }

    // The inputs of JailRules.SocketBind, in its order: the socket's and the address's family, the
    // address as IPv4 and IPv6 numbers, and the caller's jail.
    private UInt128[] BindInputs(Task task, Socket sock, SockAddr addr)
    {
        var jail = ActiveJail(task);
        var address = addr is InetAddress inet ? inet.Address.Value : UInt128.Zero;
        return
        [
            Bits.Of(sock.Family), Bits.Of(addr.Family), address & uint.MaxValue, address,
            Bits.Of(jail is not null), Bits.Of(jail?.GotIpv4 ?? false), Bits.Of(jail?.GotIpv6 ?? false),
            (jail?.Addr4.Value ?? 0) & uint.MaxValue, jail?.Addr6.Value ?? 0,
        ];
    }

    /// <summary>
    /// jail_socket_listen: a jailed inet socket may listen only if its source address
    /// (inet-&gt;saddr) is the jail's: set at socket creation, it is replaced by what bind bound,
    /// so listen after a bind to INADDR_ANY or 127.0.0.1 is EPERM, while listen without any bind
    /// passes and listens on INADDR_ANY.
    /// </summary>
    private Errno SocketListen(Task task, Socket sock, int backlog)
    {
        var jail = ActiveJail(task);
        return JailRules.SocketListen.Decide(
            Bits.Of(sock.Family), sock.InetSaddr.Value & uint.MaxValue, sock.InetSaddr.Value, Bits.Of(jail is not null), Bits.Of(jail?.GotIpv4 ?? false), Bits.Of(jail?.GotIpv6 ?? false),
            (jail?.Addr4.Value ?? 0) & uint.MaxValue, jail?.Addr6.Value ?? 0);
    }

    /// <summary>
    /// jail_socket_unix_stream_connect and jail_socket_unix_may_send: the sender's
    /// <c>task-&gt;security</c> must be the receiving socket's label (EPERM), "both from unjailed
    /// to jailed, and from jailed to unjailed". Only abstract names bound in a jail are labelled,
    /// so a jailed task reaches no pathname or unnamed socket, and a task that configured a jail
    /// but has not exec'd yet reaches no unix socket at all.
    /// </summary>
    private Errno UnixPeerCheck(Task task, Socket other)
    {
        var ids = JailIds.Number(JailOf(task), Blob<Jail>(other.Security));
        return JailRules.UnixPeer.Decide(Bits.Of(InJail(task)), ids[0], ids[1]);
    }
}
