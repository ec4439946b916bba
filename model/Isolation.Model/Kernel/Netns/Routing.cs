using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Netns;

/// <summary>
/// The routing decisions the socket layer needs: what an IPv4 address is to a namespace (for
/// bind), whether an IPv6 address is local, and where an outgoing packet goes.
/// </summary>
/// <remarks>
/// net/ipv4/fib_frontend.c inet_addr_type_table, net/ipv4/route.c ip_route_output_key_hash_rcu,
/// net/ipv6/addrconf.c ipv6_chk_addr, net/ipv6/route.c ip6_route_output (6.12). The model's
/// tables are the ones the setups make: local routes for each address (127.0.0.0/8 for lo), a
/// connected route per address on a running device, and no default route.
/// </remarks>
public static class Routing
{
    /// <summary>inet_addr_type_table over the local table: how bind(2) sees an IPv4 address.</summary>
    public static Ipv4AddrType AddrType(NetNamespace ns, IpAddr addr)
    {
        if (addr.IsZeroNet || addr.IsLimitedBroadcast)
        {
            return Ipv4AddrType.Broadcast;
        }

        if (addr.IsMulticast)
        {
            return Ipv4AddrType.Multicast;
        }

        // Without a local table fib_get_table fails and the default answer, RTN_BROADCAST, stands.
        if (!ns.HasLocalTable)
        {
            return Ipv4AddrType.Broadcast;
        }

        if (IsLocalV4(ns, addr))
        {
            return Ipv4AddrType.Local;
        }

        return IsSubnetBroadcast(ns, addr) ? Ipv4AddrType.Broadcast : Ipv4AddrType.Unicast;
    }

    /// <summary>ipv6_chk_addr: whether an IPv6 address is configured on a device of the namespace.</summary>
    public static bool IsLocalV6(NetNamespace ns, IpAddr addr) =>
        ns.Devices.Any(d => d.Addresses.Any(a => a.Address == addr));

    /// <summary>
    /// Routes an IPv4 packet from <paramref name="ns"/> to <paramref name="destination"/>, sent by a
    /// socket bound to <paramref name="boundSource"/> (the wildcard when it is not bound to an address).
    /// </summary>
    public static RouteResult OutputV4(NetNamespace ns, IpAddr destination, IpAddr boundSource = default)
    {
        if (destination.IsAny)
        {
            // ip_route_output_key_hash_rcu: no destination means this host, through lo, without a FIB
            // lookup: "fl4->daddr = fl4->saddr", and 127.0.0.1 for both when the source is unset too.
            var self = boundSource.IsAny || boundSource.IsV6 ? IpAddr.LoopbackV4 : boundSource;
            return Local(ns, self, self);
        }

        if (destination.IsMulticast || destination.IsLimitedBroadcast)
        {
            return RouteResult.Fail(Errno.ENETUNREACH, destination);
        }

        if (ns.HasLocalTable)
        {
            if (IsLocalV4(ns, destination))
            {
                var own = ns.Devices.SelectMany(d => d.Addresses).Any(a => a.Address == destination);
                return Local(ns, destination, own ? destination : IpAddr.LoopbackV4);
            }

            if (IsSubnetBroadcast(ns, destination))
            {
                return new RouteResult(Errno.None, destination, SourceFor(ns, destination), null, Errno.None, true);
            }
        }

        foreach (var device in ns.Devices.Where(d => d.IsRunning && !d.IsLoopback))
        {
            foreach (var (address, prefix) in device.Addresses.Where(a => !a.Address.IsV6))
            {
                if (destination.IsInSubnet(address, prefix))
                {
                    // The neighbour answers only if the peer namespace owns the address (weak host model).
                    var peerNs = device.Peer?.Namespace;
                    var arrives = peerNs is not null && IsLocalV4(peerNs, destination) ? peerNs : null;
                    return new RouteResult(Errno.None, destination, address, arrives, Errno.EHOSTUNREACH, false);
                }
            }
        }

        return RouteResult.Fail(Errno.ENETUNREACH, destination);
    }

    /// <summary>Routes an IPv6 packet (not v4-mapped) from <paramref name="ns"/> to <paramref name="destination"/>.</summary>
    public static RouteResult OutputV6(NetNamespace ns, IpAddr destination)
    {
        // tcp_v6_connect and udpv6_sendmsg turn :: into ::1.
        var target = destination.IsAny ? IpAddr.LoopbackV6 : destination;
        if (target == IpAddr.LoopbackV6 || IsLocalV6(ns, target))
        {
            // With lo down there is no source address to pick: ip6_route_get_saddr fails.
            return IsLocalV6(ns, target)
                ? Local(ns, target, target)
                : RouteResult.Fail(Errno.EADDRNOTAVAIL, target);
        }

        return RouteResult.Fail(Errno.ENETUNREACH, target);
    }

    private static RouteResult Local(NetNamespace ns, IpAddr destination, IpAddr source) =>
        new(Errno.None, destination, source, ns.Loopback.IsUp ? ns : null, Errno.ETIMEDOUT, false);

    /// <summary>Whether an IPv4 address belongs to the namespace (a device's address, or lo's 127.0.0.0/8): what a source address must be.</summary>
    public static bool IsLocalV4(NetNamespace ns, IpAddr addr) =>
        ns.Devices.Any(d => d.Addresses.Any(a =>
            !a.Address.IsV6 && (a.Address == addr || (d.IsLoopback && addr.IsInSubnet(a.Address, a.PrefixLength)))));

    private static bool IsSubnetBroadcast(NetNamespace ns, IpAddr addr) =>
        ns.Devices.Where(d => d.IsUp).Any(d => d.Addresses.Any(a =>
            !a.Address.IsV6 && a.PrefixLength < 31 && IpAddr.SubnetBroadcast(a.Address, a.PrefixLength) == addr));

    private static IpAddr SourceFor(NetNamespace ns, IpAddr destination) =>
        ns.Devices.SelectMany(d => d.Addresses)
            .Where(a => !a.Address.IsV6 && destination.IsInSubnet(a.Address, a.PrefixLength))
            .Select(a => a.Address).FirstOrDefault();
}
