using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
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
        if (kern || ActiveJail(task) is not { HasAddress: true } jail)
        {
            return Errno.None;
        }

        return family switch
        {
            SocketAbi.AfInet => jail.GotIpv4 ? Errno.None : Errno.EPERM,
            SocketAbi.AfInet6 => jail.GotIpv6 ? Errno.None : Errno.EPERM,
            _ => Errno.None,
        };
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
        if (ActiveJail(task) is not { } jail)
        {
            return Errno.None;
        }

        if (sock.Family == SocketAbi.AfUnix)
        {
            if (addr is UnixAddress { Kind: UnixAddressKind.Abstract })
            {
                SetBlob(sock.Security, jail);
            }

            return Errno.None;
        }

        return InetBind(jail, addr).Error;
    }

    /// <summary>
    /// jail_inet6_bind's <c>ipv6_addr_copy(sin6_addr, jailaddr)</c>: a jailed bind to ::1 binds
    /// the jail's IPv6 address instead (the hook writes the kernel's copy of the address).
    /// </summary>
    private SockAddr? SocketBindAddress(Task task, Socket sock, SockAddr addr) =>
        ActiveJail(task) is { } jail && sock.Family != SocketAbi.AfUnix ? InetBind(jail, addr).Rewritten : null;

    // jail_inet4_bind and jail_inet6_bind, dispatched on the address's family: the verdict, and the
    // address the bind goes on with when the hook rewrote it.
    private static (Errno Error, SockAddr? Rewritten) InetBind(Jail jail, SockAddr addr)
    {
        if (!jail.HasAddress)
        {
            // "If we want to be strict, we could just deny net access when lacking a pseudo ip.
            // For now we just allow it."
            return (Errno.None, null);
        }

        switch (addr)
        {
            case InetAddress { Address.IsV6: false } v4:
                if (!jail.GotIpv4)
                {
                    return (Errno.EPERM, null);
                }

                var ok4 = v4.Address == jail.Addr4 || v4.Address == IpAddr.LoopbackV4 || v4.Address.IsAny;
                return (ok4 ? Errno.None : Errno.EPERM, null);
            case InetAddress v6:
                if (!jail.GotIpv6)
                {
                    return (Errno.EPERM, null);
                }

                if (v6.Address == jail.Addr6)
                {
                    return (Errno.None, null);
                }

                return v6.Address == IpAddr.LoopbackV6 ? (Errno.None, v6 with { Address = jail.Addr6 }) : (Errno.EPERM, null);
            default:
                return (Errno.None, null);
        }
    }

    /// <summary>
    /// jail_socket_listen: a jailed inet socket may listen only if its source address
    /// (inet-&gt;saddr) is the jail's: set at socket creation, it is replaced by what bind bound,
    /// so listen after a bind to INADDR_ANY or 127.0.0.1 is EPERM, while listen without any bind
    /// passes and listens on INADDR_ANY.
    /// </summary>
    private Errno SocketListen(Task task, Socket sock, int backlog)
    {
        if (ActiveJail(task) is not { HasAddress: true } jail)
        {
            return Errno.None;
        }

        return sock.Family switch
        {
            SocketAbi.AfInet => sock.InetSaddr.Value == jail.Addr4.Value ? Errno.None : Errno.EPERM,
            SocketAbi.AfInet6 => sock.InetSaddr.Value == jail.Addr6.Value ? Errno.None : Errno.EPERM,
            _ => Errno.None,
        };
    }

    /// <summary>
    /// jail_socket_unix_stream_connect and jail_socket_unix_may_send: the sender's
    /// <c>task-&gt;security</c> must be the receiving socket's label (EPERM), "both from unjailed
    /// to jailed, and from jailed to unjailed". Only abstract names bound in a jail are labelled,
    /// so a jailed task reaches no pathname or unnamed socket, and a task that configured a jail
    /// but has not exec'd yet reaches no unix socket at all.
    /// </summary>
    private Errno UnixPeerCheck(Task task, Socket other) =>
        JailOf(task) == Blob<Jail>(other.Security) ? Errno.None : Errno.EPERM;
}
