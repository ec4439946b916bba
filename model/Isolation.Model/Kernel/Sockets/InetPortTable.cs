namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// One protocol's port table in one namespace (the bind hash of TCP, the UDP hash): which sockets
/// hold each port, TCP connections in TIME_WAIT included.
/// </summary>
/// <remarks>include/net/inet_hashtables.h, include/net/udp.h (6.12).</remarks>
public sealed class InetPortTable
{
    /// <summary>The low end of net.ipv4.ip_local_port_range's default (32768 60999).</summary>
    public const int EphemeralLow = 32768;

    /// <summary>The high end of net.ipv4.ip_local_port_range's default.</summary>
    public const int EphemeralHigh = 60999;

    private readonly Dictionary<int, List<InetSocket>> _buckets = [];

    /// <summary>The sockets holding <paramref name="port"/>, oldest first.</summary>
    public IReadOnlyList<InetSocket> Owners(int port) => _buckets.TryGetValue(port, out var list) ? list : [];

    /// <summary>Every socket in the table.</summary>
    public IEnumerable<InetSocket> All => _buckets.Values.SelectMany(l => l);

    /// <summary>Records that <paramref name="sock"/> holds <paramref name="port"/>.</summary>
    public void Add(int port, InetSocket sock)
    {
        if (!_buckets.TryGetValue(port, out var list))
        {
            list = [];
            _buckets[port] = list;
        }

        list.Add(sock);
    }

    /// <summary>Releases <paramref name="sock"/>'s hold on <paramref name="port"/> (inet_put_port).</summary>
    public void Remove(int port, InetSocket sock)
    {
        if (_buckets.TryGetValue(port, out var list) && list.Remove(sock) && list.Count == 0)
        {
            _buckets.Remove(port);
        }
    }
}
