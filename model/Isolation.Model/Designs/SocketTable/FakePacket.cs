namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// The fake packet a socket call is turned into: protocol, source and destination IPv4 address
/// (as numbers, most significant byte first) and ports. Calls that send (bind, connect, sendto)
/// go from the socket's local end; calls that receive (accept, recvfrom) come to it.
/// </summary>
/// <param name="Protocol">IPPROTO_TCP, IPPROTO_UDP, or a raw socket's protocol.</param>
/// <param name="Source">The source address.</param>
/// <param name="SourcePort">The source port.</param>
/// <param name="Destination">The destination address.</param>
/// <param name="DestinationPort">The destination port.</param>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt: "we create a fake packet with the appropriate local and remote addresses and ports".</remarks>
public readonly record struct FakePacket(int Protocol, uint Source, int SourcePort, uint Destination, int DestinationPort);
