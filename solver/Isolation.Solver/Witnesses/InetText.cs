using System.Net;
using Isolation.Model.Abi;
using Isolation.Model.Rules;

namespace Isolation.Solver.Witnesses;

/// <summary>Internet families and addresses of a witness as strace prints them.</summary>
public static class InetText
{
    /// <summary>The port every witness binds or connects to.</summary>
    public const int Port = 47300;

    /// <summary>AF_INET or AF_INET6, or null for another family.</summary>
    public static string? Family(UInt128 family) => (int)UInt128.Min(family, int.MaxValue) switch
    {
        SocketAbi.AfInet => "AF_INET",
        SocketAbi.AfInet6 => "AF_INET6",
        _ => null,
    };

    /// <summary>An IPv4 address in dotted form.</summary>
    public static string Ipv4(UInt128 value) => new IPAddress(BitConverter.GetBytes((uint)value).Reverse().ToArray()).ToString();

    /// <summary>An IPv6 address as inet_ntop writes it.</summary>
    public static string Ipv6(UInt128 value)
    {
        var bytes = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            bytes[i] = (byte)(value >> (8 * (15 - i)));
        }

        return new IPAddress(bytes).ToString();
    }

    /// <summary>The witness's address (<c>addr_family</c>, <c>ipv4</c>, <c>ipv6</c>) and its length, or null for another family.</summary>
    public static string? Address(IReadOnlyDictionary<string, UInt128> m)
    {
        var family = m.TryGetValue(SocketInputs.AddrFamily.Name, out var f) ? f : 0;
        var v4 = m.TryGetValue(SocketInputs.Ipv4.Name, out var a) ? a : 0;
        var v6 = m.TryGetValue(SocketInputs.Ipv6.Name, out var b) ? b : 0;
        return Family(family) switch
        {
            "AF_INET" => $"{{sa_family=AF_INET, sin_port=htons({Port}), sin_addr=inet_addr(\"{Ipv4(v4)}\")}}, 16",
            "AF_INET6" => $"{{sa_family=AF_INET6, sin6_port=htons({Port}), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"{Ipv6(v6)}\", &sin6_addr), sin6_scope_id=0}}, 28",
            _ => null,
        };
    }
}
