using System.Globalization;
using System.Text;
using Isolation.Model.Rules;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// One rule of a chain, in the iptables vocabulary the proposal reuses: protocol, source and
/// destination networks, port ranges, the <c>control_group</c> match on the calling task's
/// network_id, and the target. An absent match matches everything; a rule without a target
/// matches and goes on to the next rule, as in iptables.
/// </summary>
/// <param name="Protocol">The <c>-p</c> protocol number; 0 (<c>all</c>) for any.</param>
/// <param name="Source">The <c>-s</c> network, or null.</param>
/// <param name="Destination">The <c>-d</c> network, or null.</param>
/// <param name="SourcePorts">The <c>--sport</c> range, or null.</param>
/// <param name="DestinationPorts">The <c>--dport</c> range, or null.</param>
/// <param name="NetworkIds">The <c>-m control_group --network-id</c> range, or null.</param>
/// <param name="Target">The <c>-j</c> target, or null.</param>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, Menage's proposal; iptables(8) and iptables-extensions(8) for the syntax.</remarks>
public sealed record SocketRule(
    int Protocol,
    (uint Network, int Prefix)? Source,
    (uint Network, int Prefix)? Destination,
    (int Low, int High)? SourcePorts,
    (int Low, int High)? DestinationPorts,
    (long Low, long High)? NetworkIds,
    SocketVerdict? Target)
{
    /// <summary>IPPROTO_TCP.</summary>
    public const int Tcp = 6;

    /// <summary>IPPROTO_UDP.</summary>
    public const int Udp = 17;

    /// <summary>Whether the rule matches <paramref name="packet"/> sent or received by a task whose cgroup has <paramref name="networkId"/>.</summary>
    public bool Matches(FakePacket packet, long networkId) => TableRules.Matches.Holds(
        Bits.Of(packet.Protocol), packet.Source, Bits.Of(packet.SourcePort), packet.Destination, Bits.Of(packet.DestinationPort), Bits.Of(networkId),
        Bits.Of(Protocol),
        Bits.Of(Source is not null), Source?.Network ?? 0, Bits.Of(Source?.Prefix ?? 0),
        Bits.Of(Destination is not null), Destination?.Network ?? 0, Bits.Of(Destination?.Prefix ?? 0),
        Bits.Of(SourcePorts is not null), Bits.Of(SourcePorts?.Low ?? 0), Bits.Of(SourcePorts?.High ?? 0),
        Bits.Of(DestinationPorts is not null), Bits.Of(DestinationPorts?.Low ?? 0), Bits.Of(DestinationPorts?.High ?? 0),
        Bits.Of(NetworkIds is not null), Bits.Of(NetworkIds?.Low ?? 0), Bits.Of(NetworkIds?.High ?? 0));

    /// <summary>The rule as <c>iptables -S</c> prints one, after <c>-A CHAIN</c>.</summary>
    public string Print()
    {
        var s = new StringBuilder();
        AppendNetwork(s, "-s", Source);
        AppendNetwork(s, "-d", Destination);
        if (Protocol != 0)
        {
            var name = ProtocolName(Protocol);
            s.Append(" -p ").Append(name);
            if (SourcePorts is not null || DestinationPorts is not null)
            {
                s.Append(" -m ").Append(name);
            }
        }

        AppendRange(s, "--sport", SourcePorts);
        AppendRange(s, "--dport", DestinationPorts);
        if (NetworkIds is { } ids)
        {
            s.Append(" -m control_group --network-id ").Append(Range(ids.Low, ids.High));
        }

        if (Target is { } target)
        {
            s.Append(" -j ").Append(TargetName(target));
        }

        return s.ToString();
    }

    /// <summary>The name of a target or policy as iptables writes it.</summary>
    public static string TargetName(SocketVerdict verdict) => verdict.ToString().ToUpperInvariant();

    /// <summary>The name <c>-p</c> takes for a protocol number (tcp, udp, or the number).</summary>
    public static string ProtocolName(int protocol) => protocol switch
    {
        Tcp => "tcp",
        Udp => "udp",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A network as iptables prints it: <c>10.0.0.0/8</c>.</summary>
    public static string NetworkText(uint network, int prefix) =>
        $"{network >> 24}.{(network >> 16) & 0xFF}.{(network >> 8) & 0xFF}.{network & 0xFF}/{prefix}";

    /// <summary>The netmask of a prefix length.</summary>
    public static uint Mask(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);

    private static void AppendNetwork(StringBuilder s, string option, (uint Network, int Prefix)? match)
    {
        if (match is { } m)
        {
            s.Append(' ').Append(option).Append(' ').Append(NetworkText(m.Network, m.Prefix));
        }
    }

    private static void AppendRange(StringBuilder s, string option, (int Low, int High)? range)
    {
        if (range is { } r)
        {
            s.Append(' ').Append(option).Append(' ').Append(Range(r.Low, r.High));
        }
    }

    private static string Range(long low, long high) =>
        low == high ? low.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{low}:{high}");
}
