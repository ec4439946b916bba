using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Netns;

/// <summary>
/// Where a packet from one namespace to <see cref="Destination"/> goes: the namespace it arrives in
/// (null when it is dropped on the way), the source address the route prefers, or the error the
/// route lookup fails with.
/// </summary>
/// <param name="Error">ENETUNREACH, EADDRNOTAVAIL… when there is no usable route; None otherwise.</param>
/// <param name="Destination">The destination after rewriting (0.0.0.0 means the bound source address or loopback, :: loopback).</param>
/// <param name="Source">The source address the route prefers.</param>
/// <param name="ArrivesIn">The namespace that receives the packet, or null when it is lost.</param>
/// <param name="LossError">What a blocking connect eventually reports when the packet is lost.</param>
/// <param name="IsBroadcast">Whether the destination is a broadcast address.</param>
public readonly record struct RouteResult(Errno Error, IpAddr Destination, IpAddr Source, NetNamespace? ArrivesIn, Errno LossError, bool IsBroadcast)
{
    /// <summary>A failed lookup.</summary>
    public static RouteResult Fail(Errno error, IpAddr destination) => new(error, destination, default, null, Errno.None, false);
}
