namespace Isolation.Model.Abi;

/// <summary>Network device ioctl requests and interface flags (IFF_*), and the names strace prints.</summary>
/// <remarks>include/uapi/linux/sockios.h and include/uapi/linux/if.h (6.12).</remarks>
public static class NetDeviceAbi
{
    /// <summary>SIOCGIFFLAGS: read a device's flags.</summary>
    public const int SiocGifFlags = 0x8913;
    /// <summary>SIOCSIFFLAGS: set a device's flags (needs CAP_NET_ADMIN over the namespace's owner).</summary>
    public const int SiocSifFlags = 0x8914;

    /// <summary>IFF_UP</summary>
    public const int IffUp = 0x1;
    /// <summary>IFF_BROADCAST</summary>
    public const int IffBroadcast = 0x2;
    /// <summary>IFF_LOOPBACK</summary>
    public const int IffLoopback = 0x8;
    /// <summary>IFF_RUNNING</summary>
    public const int IffRunning = 0x40;
    /// <summary>IFF_NOARP</summary>
    public const int IffNoArp = 0x80;
    /// <summary>IFF_PROMISC</summary>
    public const int IffPromisc = 0x100;
    /// <summary>IFF_ALLMULTI</summary>
    public const int IffAllMulti = 0x200;
    /// <summary>IFF_MULTICAST</summary>
    public const int IffMulticast = 0x1000;

    /// <summary>IFNAMSIZ: device names are at most 15 bytes plus NUL.</summary>
    public const int IfNameSize = 16;

    /// <summary>The socket ioctl request names strace prints.</summary>
    public static readonly SymbolTable Requests = new(
        "ioctl request",
        ("SIOCGIFNAME", 0x8910), ("SIOCGIFFLAGS", SiocGifFlags), ("SIOCSIFFLAGS", SiocSifFlags),
        ("SIOCGIFADDR", 0x8915), ("SIOCSIFADDR", 0x8916), ("SIOCGIFMTU", 0x8921), ("SIOCGIFINDEX", 0x8933));

    /// <summary>The interface flag names strace prints (the 16 bits of ifr_flags).</summary>
    public static readonly SymbolTable Flags = new(
        "interface flag",
        ("IFF_UP", IffUp), ("IFF_BROADCAST", IffBroadcast), ("IFF_DEBUG", 0x4), ("IFF_LOOPBACK", IffLoopback),
        ("IFF_POINTOPOINT", 0x10), ("IFF_NOTRAILERS", 0x20), ("IFF_RUNNING", IffRunning), ("IFF_NOARP", IffNoArp),
        ("IFF_PROMISC", IffPromisc), ("IFF_ALLMULTI", IffAllMulti), ("IFF_MASTER", 0x400), ("IFF_SLAVE", 0x800),
        ("IFF_MULTICAST", IffMulticast), ("IFF_PORTSEL", 0x2000), ("IFF_AUTOMEDIA", 0x4000), ("IFF_DYNAMIC", 0x8000));
}
