using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// Where socket calls meet the table: bind, connect and accept of AF_INET sockets always, sendto
/// and recvfrom only on an unbound AF_INET datagram socket. Sockets of other families (AF_INET6
/// included: the proposal's table is an iptable, IPv4) never reach it.
/// </summary>
public sealed partial class SocketTableModule
{
    private void AddNetHooks(HookTable hooks)
    {
        hooks.SocketBind.Add(this, SocketBind);
        hooks.SocketConnect.Add(this, SocketConnect);
        hooks.SocketPostAccept.Add(this, SocketPostAccept);
        hooks.SocketSendmsg.Add(this, SocketSendmsg);
        hooks.SocketRecvmsg.Add(this, SocketRecvmsg);
    }

    /// <summary>bind(): BIND, from the address bound to (to 0.0.0.0:0). An address that is not AF_INET is left to inet_bind to refuse.</summary>
    private Errno SocketBind(Task task, Socket sock, SockAddr address) =>
        TableRules.FedAddress.Holds(Bits.Of(sock.Family), Bits.Of(address.Family)) && address is InetAddress { Address.IsV6: false } to
            ? Filter(task, sock, SocketChain.Bind, new FakePacket(SocketEnds.Protocol(sock), SocketEnds.V4(to.Address), to.Port, 0, 0))
            : Errno.None;

    /// <summary>
    /// connect(): CONNECT, from the socket's local end as it is before the call (0.0.0.0:0 when
    /// unbound: the autobind comes later, in the protocol) to the address connected to. An
    /// AF_UNSPEC "disconnect" has no destination and is not filtered.
    /// </summary>
    private Errno SocketConnect(Task task, Socket sock, SockAddr address)
    {
        if (!TableRules.FedAddress.Holds(Bits.Of(sock.Family), Bits.Of(address.Family)) || address is not InetAddress { Address.IsV6: false } to)
        {
            return Errno.None;
        }

        var (local, localPort) = SocketEnds.Local(sock);
        return Filter(task, sock, SocketChain.Connect, new FakePacket(SocketEnds.Protocol(sock), local, localPort, SocketEnds.V4(to.Address), to.Port));
    }

    /// <summary>accept(): ACCEPT, from the peer to the accepted socket's local end; EPERM closes the connection.</summary>
    private Errno SocketPostAccept(Task task, Socket sock, Socket newSock)
    {
        if (!TableRules.FedAccept.Holds(Bits.Of(newSock.Family)))
        {
            return Errno.None;
        }

        var (peer, peerPort) = SocketEnds.Peer(newSock);
        var (local, localPort) = SocketEnds.Local(newSock);
        return Filter(task, newSock, SocketChain.Accept, new FakePacket(SocketEnds.Protocol(newSock), peer, peerPort, local, localPort));
    }

    /// <summary>
    /// sendto()/sendmsg() on an unbound datagram socket: SENDTO, from 0.0.0.0:0 to the message's
    /// address (0.0.0.0:0 when it has none). Once the socket is bound — by bind, by connect, or by
    /// the autobind of its first send — its sends are no longer looked at.
    /// </summary>
    private Errno SocketSendmsg(Task task, Socket sock, SockAddr? address, int size)
    {
        if (!SocketEnds.IsUnboundInetDatagram(sock))
        {
            return Errno.None;
        }

        var (to, port) = address is InetAddress { Address.IsV6: false } inet ? (SocketEnds.V4(inet.Address), inet.Port) : (0u, 0);
        return Filter(task, sock, SocketChain.Sendto, new FakePacket(SocketEnds.Protocol(sock), 0, 0, to, port));
    }

    /// <summary>
    /// recvfrom()/recvmsg() on an unbound datagram socket: RECVFROM. The hook runs before anything
    /// is received, so the packet knows no sender: 0.0.0.0:0 to the unbound 0.0.0.0:0.
    /// </summary>
    private Errno SocketRecvmsg(Task task, Socket sock, int size, int flags) =>
        SocketEnds.IsUnboundInetDatagram(sock)
            ? Filter(task, sock, SocketChain.Recvfrom, new FakePacket(SocketEnds.Protocol(sock), 0, 0, 0, 0))
            : Errno.None;

    /// <summary>Feeds the packet through the chain of the socket's namespace, matching on the caller's network_id.</summary>
    private Errno Filter(Task task, Socket sock, SocketChain chain, FakePacket packet) =>
        SocketFilterTable.ErrnoOf(TableOf(sock.NetNs).Evaluate(chain, packet, Subsystem.IdOf(task)));
}
