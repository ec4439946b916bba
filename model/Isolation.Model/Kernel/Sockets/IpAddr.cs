using System.Net;
using System.Net.Sockets;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>An IPv4 or IPv6 address as a value (IPv4 in the low 32 bits).</summary>
public readonly record struct IpAddr(bool IsV6, UInt128 Value)
{
    /// <summary>INADDR_ANY.</summary>
    public static readonly IpAddr AnyV4 = new(false, 0);

    /// <summary>in6addr_any.</summary>
    public static readonly IpAddr AnyV6 = new(true, 0);

    /// <summary>127.0.0.1.</summary>
    public static readonly IpAddr LoopbackV4 = V4(127, 0, 0, 1);

    /// <summary>::1.</summary>
    public static readonly IpAddr LoopbackV6 = new(true, 1);

    /// <summary>An IPv4 address from its four bytes.</summary>
    public static IpAddr V4(byte a, byte b, byte c, byte d) => new(false, ((UInt128)a << 24) | ((UInt128)b << 16) | ((UInt128)c << 8) | d);

    /// <summary>Parses dotted-quad or IPv6 text; false for anything else.</summary>
    public static bool TryParse(string text, bool v6, out IpAddr addr)
    {
        addr = default;
        if (!IPAddress.TryParse(text, out var ip) || (ip.AddressFamily == AddressFamily.InterNetworkV6) != v6 || text.Contains('%'))
        {
            return false;
        }

        if (!v6 && text.Count(c => c == '.') != 3)
        {
            return false;
        }

        var bytes = ip.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        addr = new IpAddr(v6, value);
        return true;
    }

    /// <summary>Whether this is the wildcard address of its family.</summary>
    public bool IsAny => Value == 0;

    /// <summary>Whether this is an IPv4-mapped IPv6 address (::ffff:a.b.c.d).</summary>
    public bool IsV4Mapped => IsV6 && (Value >> 32) == 0xffff;

    /// <summary>The IPv4 address inside an IPv4-mapped IPv6 address.</summary>
    public IpAddr MappedV4 => new(false, Value & 0xffffffff);

    /// <summary>Whether this is a loopback address (127/8 or ::1).</summary>
    public bool IsLoopback => IsV6 ? Value == 1 : (Value >> 24) == 127;

    /// <summary>Whether this is an IPv4 multicast address (224.0.0.0/4) or an IPv6 one (ff00::/8).</summary>
    public bool IsMulticast => IsV6 ? (Value >> 120) == 0xff : (Value >> 28) == 0xe;

    /// <summary>Whether this is 255.255.255.255 (the limited broadcast address).</summary>
    public bool IsLimitedBroadcast => !IsV6 && Value == 0xffffffff;

    /// <summary>Whether this is in 0.0.0.0/8 ("this network").</summary>
    public bool IsZeroNet => !IsV6 && (Value >> 24) == 0;

    /// <summary>Whether this is an IPv6 link-local address (fe80::/10), which needs a scope id.</summary>
    public bool IsLinkLocalV6 => IsV6 && (Value >> 118) == 0x3fa;

    /// <summary>The IPv4-mapped IPv6 form (::ffff:a.b.c.d) of an IPv4 address.</summary>
    public IpAddr ToV4Mapped() => IsV6 ? this : new(true, ((UInt128)0xffff << 32) | Value);

    /// <summary>Whether this address is in <paramref name="network"/>/<paramref name="prefixLength"/> (same family).</summary>
    public bool IsInSubnet(IpAddr network, int prefixLength)
    {
        if (IsV6 != network.IsV6)
        {
            return false;
        }

        var bits = IsV6 ? 128 : 32;
        var shift = bits - prefixLength;
        return shift >= bits || (Value >> shift) == (network.Value >> shift);
    }

    /// <summary>The directed broadcast address of <paramref name="network"/>/<paramref name="prefixLength"/> (IPv4).</summary>
    public static IpAddr SubnetBroadcast(IpAddr network, int prefixLength) =>
        new(false, network.Value | ((UInt128)0xffffffff >> prefixLength));

    /// <inheritdoc/>
    public override string ToString()
    {
        var bytes = new byte[IsV6 ? 16 : 4];
        var v = Value;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(v & 0xff);
            v >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }
}
