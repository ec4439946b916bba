namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// A socket address argument as a call passes it: the <c>sa_family</c> written in the structure,
/// the <c>addrlen</c> argument, and the structure's contents decoded by the family written. Each
/// protocol validates the length and family itself, as Linux does.
/// </summary>
/// <param name="Family">The sa_family value.</param>
/// <param name="Length">The addrlen argument (what move_addr_to_kernel copied).</param>
/// <param name="Address">The decoded contents.</param>
public sealed record UserSockAddr(int Family, int Length, SockAddr Address);
