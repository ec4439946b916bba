using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Rules;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>What a fake packet needs to know about a socket: its protocol and its two ends, as IPv4 numbers and ports.</summary>
internal static class SocketEnds
{
    /// <summary>The protocol of the fake packet: the socket's, or TCP for a stream socket and UDP for a datagram socket.</summary>
    public static int Protocol(Socket sock) => sock.Protocol != 0 ? sock.Protocol
        : sock.Type == SocketAbi.SockStream ? SocketRule.Tcp
        : sock.Type == SocketAbi.SockDgram ? SocketRule.Udp
        : 0;

    /// <summary>An IPv4 address as a number, most significant byte first.</summary>
    public static uint V4(IpAddr address) => (uint)address.Value;

    /// <summary>The local end (inet_saddr, inet_num); 0.0.0.0:0 while unbound.</summary>
    public static (uint Address, int Port) Local(Socket sock) =>
        sock is InetSocket inet ? (V4(inet.InetSaddr), inet.LocalPort) : (0, 0);

    /// <summary>The remote end of a connected socket (inet_daddr, inet_dport).</summary>
    public static (uint Address, int Port) Peer(Socket sock) =>
        sock is InetSocket inet ? (V4(inet.RemoteAddress), inet.RemotePort) : (0, 0);

    /// <summary>Whether the socket is an AF_INET datagram socket without a local port (inet_num == 0).</summary>
    public static bool IsUnboundInetDatagram(Socket sock) =>
        TableRules.FedDatagram.Holds(Bits.Of(sock.Family), Bits.Of(sock.Type), Bits.Of(Local(sock).Port));
}
