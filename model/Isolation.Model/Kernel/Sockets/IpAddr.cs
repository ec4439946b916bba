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
