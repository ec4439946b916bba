using System.Globalization;
using Isolation.Traces;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// Reads the commands written to <c>/proc/net/socket_table</c>: one per line, in the syntax of
/// iptables(8) and of <c>iptables -S</c>, limited to what the proposal needs. EINVAL for a
/// command, option or value it does not know, ENOENT for an unknown chain (iptables' "No
/// chain/target/match by that name").
/// </summary>
/// <remarks>
/// Commands: <c>-A CHAIN spec</c>, <c>-I CHAIN [n] spec</c>, <c>-D CHAIN n|spec</c>,
/// <c>-F [CHAIN]</c>, <c>-P CHAIN ACCEPT|DROP</c>. Specification: <c>-p tcp|udp|all|N</c>,
/// <c>-s A[/n]</c>, <c>-d A[/n]</c>, <c>-m tcp|udp</c> with <c>--sport P[:Q]</c> and
/// <c>--dport P[:Q]</c> (after <c>-p tcp</c> or <c>-p udp</c>, as iptables wants), <c>-m
/// control_group --network-id I[:J]</c>, <c>-j ACCEPT|DROP|REJECT</c>. Seed 002_d6ff0dffc80eb989.txt:
/// "the user can create pretty much arbitrary rules with the existing iptables tools and primitives".
/// </remarks>
public static class SocketRuleParser
{
    /// <summary>Parses one command line; <paramref name="command"/> is null when the answer is an errno.</summary>
    public static Errno Parse(string line, out SocketTableCommand? command)
    {
        command = null;
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0].Length != 2 || words[0][0] != '-' || !"AIDFP".Contains(words[0][1]))
        {
            return Errno.EINVAL;
        }

        var kind = words[0][1];
        if (kind == 'F' && words.Length == 1)
        {
            command = new SocketTableCommand('F', null, null, 0, SocketVerdict.Accept);
            return Errno.None;
        }

        if (words.Length < 2)
        {
            return Errno.EINVAL;
        }

        if (!TryChain(words[1], out var chain))
        {
            return Errno.ENOENT;
        }

        var rest = words.AsSpan(2);
        switch (kind)
        {
            case 'F':
                command = rest.IsEmpty ? new SocketTableCommand('F', chain, null, 0, SocketVerdict.Accept) : null;
                break;
            case 'P':
                // iptables: a built-in chain's policy is ACCEPT or DROP.
                command = rest.Length == 1 && rest[0] is "ACCEPT" or "DROP"
                    ? new SocketTableCommand('P', chain, null, 0, rest[0] == "ACCEPT" ? SocketVerdict.Accept : SocketVerdict.Drop)
                    : null;
                break;
            default:
                var number = 0;
                if (kind != 'A' && rest.Length > 0 && !rest[0].StartsWith('-'))
                {
                    if (!int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1)
                    {
                        return Errno.EINVAL;
                    }

                    rest = rest[1..];
                }

                SocketRule? rule = null;
                var byNumber = kind == 'D' && number > 0;
                if (byNumber ? !rest.IsEmpty : ParseRule(rest, out rule) != Errno.None)
                {
                    return Errno.EINVAL;
                }

                command = new SocketTableCommand(kind, chain, rule, number, SocketVerdict.Accept);
                break;
        }

        return command is null ? Errno.EINVAL : Errno.None;
    }

    /// <summary>The chain called <paramref name="name"/> (BIND, ACCEPT, CONNECT, SENDTO, RECVFROM).</summary>
    public static bool TryChain(string name, out SocketChain chain)
    {
        chain = default;
        return name.All(char.IsAsciiLetterUpper) && Enum.TryParse(name, ignoreCase: true, out chain) && ChainName(chain) == name;
    }

    /// <summary>A chain's name as the control file writes it.</summary>
    public static string ChainName(SocketChain chain) => chain.ToString().ToUpperInvariant();

    private static Errno ParseRule(ReadOnlySpan<string> words, out SocketRule? rule)
    {
        rule = null;
        var protocol = 0;
        (uint, int)? source = null, destination = null;
        (int, int)? sport = null, dport = null;
        (long, long)? ids = null;
        SocketVerdict? target = null;
        var portMatch = false;
        var groupMatch = false;
        for (var i = 0; i < words.Length; i += 2)
        {
            if (i + 1 >= words.Length)
            {
                return Errno.EINVAL;
            }

            var value = words[i + 1];
            var ok = words[i] switch
            {
                "-p" => TryProtocol(value, out protocol),
                "-s" => TryNetwork(value, out source),
                "-d" => TryNetwork(value, out destination),
                "-m" => TryModule(value, protocol, ref portMatch, ref groupMatch),
                "--sport" => portMatch && TryRange(value, 65535, out sport),
                "--dport" => portMatch && TryRange(value, 65535, out dport),
                "--network-id" => groupMatch && TryIds(value, out ids),
                "-j" => TryTarget(value, out target),
                _ => false,
            };
            if (!ok)
            {
                return Errno.EINVAL;
            }

            // iptables loads the tcp or udp match by itself for --sport/--dport after -p.
            portMatch |= words[i] == "-p" && protocol is SocketRule.Tcp or SocketRule.Udp;
        }

        rule = new SocketRule(protocol, source, destination, sport, dport, ids, target);
        return Errno.None;
    }

    private static bool TryProtocol(string value, out int protocol)
    {
        protocol = value switch { "tcp" => SocketRule.Tcp, "udp" => SocketRule.Udp, "all" => 0, _ => -1 };
        return protocol >= 0 || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out protocol) && protocol <= 255);
    }

    private static bool TryModule(string value, int protocol, ref bool portMatch, ref bool groupMatch)
    {
        switch (value)
        {
            case "tcp" when protocol == SocketRule.Tcp:
            case "udp" when protocol == SocketRule.Udp:
                portMatch = true;
                return true;
            case "control_group":
                groupMatch = true;
                return true;
            default:
                return false;
        }
    }

    private static bool TryNetwork(string value, out (uint, int)? network)
    {
        network = null;
        var slash = value.IndexOf('/');
        var prefix = 32;
        if (slash >= 0 && (!int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32))
        {
            return false;
        }

        var octets = (slash >= 0 ? value[..slash] : value).Split('.');
        uint address = 0;
        foreach (var octet in octets)
        {
            if (!byte.TryParse(octet, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                return false;
            }

            address = (address << 8) | b;
        }

        // iptables masks the address with the prefix (10.1.2.3/8 is listed as 10.0.0.0/8).
        network = octets.Length == 4 ? (address & SocketRule.Mask(prefix), prefix) : null;
        return network is not null;
    }

    private static bool TryRange(string value, int max, out (int, int)? range)
    {
        range = null;
        var parts = value.Split(':');
        if (parts.Length > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            || low > high || high > max)
        {
            return false;
        }

        range = (low, high);
        return true;
    }

    private static bool TryIds(string value, out (long, long)? ids)
    {
        var ok = TryRange(value, int.MaxValue, out var range);
        ids = range is { } r ? (r.Item1, r.Item2) : null;
        return ok;
    }

    private static bool TryTarget(string value, out SocketVerdict? target)
    {
        target = value switch
        {
            "ACCEPT" => SocketVerdict.Accept,
            "DROP" => SocketVerdict.Drop,
            "REJECT" => SocketVerdict.Reject,
            _ => null,
        };
        return target is not null;
    }
}
