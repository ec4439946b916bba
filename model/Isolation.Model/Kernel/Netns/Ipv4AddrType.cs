namespace Isolation.Model.Kernel.Netns;

/// <summary>What the local routing table says an IPv4 address is (inet_addr_type's RTN_* answer).</summary>
/// <remarks>net/ipv4/fib_frontend.c __inet_dev_addr_type (6.12).</remarks>
public enum Ipv4AddrType
{
    /// <summary>RTN_UNICAST: not an address of this namespace.</summary>
    Unicast,

    /// <summary>RTN_LOCAL: an address of this namespace.</summary>
    Local,

    /// <summary>RTN_BROADCAST: a broadcast address, 0.0.0.0/8, or any address while no local table exists.</summary>
    Broadcast,

    /// <summary>RTN_MULTICAST: 224.0.0.0/4.</summary>
    Multicast,
}
