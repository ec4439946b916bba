using Isolation.Model.Kernel.Netns;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>Routing from an inet socket, and finding the socket a packet arrives at.</summary>
/// <remarks>
/// net/ipv4/route.c ip_route_connect; net/ipv4/inet_hashtables.c inet_lhash2_lookup and
/// net/ipv4/udp.c udp4_lib_lookup2 with compute_score (6.12): an exact address beats the
/// wildcard, a connected UDP socket only hears its peer and beats an unconnected one, an AF_INET
/// socket beats an AF_INET6 one for IPv4, and among equals the socket bound last wins.
/// </remarks>
public abstract partial class InetSocket
{
    /// <summary>
    /// Routes to <paramref name="destination"/> (in this socket's family) and picks the source
    /// address: the preset one, which must be local (ENETUNREACH otherwise), or the route's.
    /// </summary>
    protected Errno Route(IpAddr destination, out RouteResult route, out IpAddr source)
    {
        source = default;
        var v4 = !IsV6 || destination.IsV4Mapped;
        if (v4 && IsV6 && V6Only)
        {
            route = RouteResult.Fail(Errno.ENETUNREACH, destination);
            return Errno.ENETUNREACH;
        }

        var preset = InetSaddr.IsV4Mapped ? InetSaddr.MappedV4 : InetSaddr;
        route = v4 ? Routing.OutputV4(NetNs, IsV6 ? destination.MappedV4 : destination, preset) : Routing.OutputV6(NetNs, destination);
        if (route.Error != Errno.None)
        {
            return route.Error;
        }

        if (preset.IsAny)
        {
            source = route.Source;
        }
        else if (v4 && preset.IsV6)
        {
            return Errno.EINVAL;
        }
        else if (v4 && !Routing.IsLocalV4(NetNs, preset))
        {
            // ip_route_output_key_hash_rcu: a source address no device has is ENETUNREACH
            // (checked on the patched 6.12 under qemu, traces/patched/bsdjail).
            return Errno.ENETUNREACH;
        }
        else
        {
            source = preset;
        }

        return Errno.None;
    }

    /// <summary>An address in this socket's family: IPv4 seen from an AF_INET6 socket is v4-mapped.</summary>
    protected IpAddr InFamily(IpAddr address) => IsV6 ? address.ToV4Mapped() : address;

    /// <summary>
    /// The socket in <paramref name="table"/> that a packet to <paramref name="destination"/>:<paramref name="port"/>
    /// from <paramref name="source"/>:<paramref name="sourcePort"/> reaches, among those <paramref name="eligible"/>.
    /// </summary>
    internal static InetSocket? Lookup(InetPortTable table, IpAddr destination, int port, IpAddr source, int sourcePort, Func<InetSocket, bool> eligible)
    {
        InetSocket? best = null;
        var bestScore = -1;
        var owners = table.Owners(port);
        for (var i = owners.Count - 1; i >= 0; i--)
        {
            var sock = owners[i];
            if (!eligible(sock))
            {
                continue;
            }

            var score = Score(sock, destination, source, sourcePort);
            if (score > bestScore)
            {
                best = sock;
                bestScore = score;
            }
        }

        return best;
    }

    private static int Score(InetSocket sock, IpAddr destination, IpAddr source, int sourcePort)
    {
        int exact;
        if (destination.IsV6)
        {
            if (!sock.IsV6 || sock.RcvSaddr.IsV4Mapped)
            {
                return -1;
            }

            exact = sock.RcvSaddr == destination ? 1 : sock.RcvSaddr.IsAny ? 0 : -1;
        }
        else
        {
            if (sock.IsV6 && sock.V6Only)
            {
                return -1;
            }

            exact = sock.RcvV4 == (uint)destination.Value ? 1 : sock.RcvV4 == 0 ? 0 : -1;
        }

        if (exact < 0)
        {
            return -1;
        }

        var score = (exact * 100) + (sock.IsV6 ? 1 : 2);
        if (sock.RemotePort != 0)
        {
            var from = sock.IsV6 && !destination.IsV6 ? source.ToV4Mapped() : source;
            if (sock.RemoteAddress != from || sock.RemotePort != sourcePort)
            {
                return -1;
            }

            score += 8;
        }

        return score;
    }
}
