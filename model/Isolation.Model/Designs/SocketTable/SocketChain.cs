namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// The predefined chains of the "socket" table: BIND, ACCEPT and CONNECT from Menage's proposal,
/// SENDTO and RECVFROM from his answer to Hallyn about unbound datagram sockets.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, Menage (quoted by Lezcano, 10 Sep 2007) and Menage, 10 Sep 2007 17:49.</remarks>
public enum SocketChain
{
    /// <summary>bind(): the fake packet's source is the address bound to.</summary>
    Bind,

    /// <summary>accept(): the fake packet comes from the peer to the accepted socket's local address.</summary>
    Accept,

    /// <summary>connect(): the fake packet goes from the socket's local address to the address connected to.</summary>
    Connect,

    /// <summary>sendto()/sendmsg() on an unbound datagram socket: to the message's address.</summary>
    Sendto,

    /// <summary>recvfrom()/recvmsg() on an unbound datagram socket.</summary>
    Recvfrom,
}
