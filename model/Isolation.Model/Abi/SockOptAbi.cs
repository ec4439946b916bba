namespace Isolation.Model.Abi;

/// <summary>Socket option levels and names (setsockopt/getsockopt) and the names strace prints.</summary>
/// <remarks>include/linux/socket.h, include/uapi/asm-generic/socket.h, include/uapi/linux/in6.h (6.12).</remarks>
public static class SockOptAbi
{
    /// <summary>SOL_SOCKET</summary>
    public const int SolSocket = 1;
    /// <summary>SOL_IP</summary>
    public const int SolIp = 0;
    /// <summary>SOL_TCP</summary>
    public const int SolTcp = 6;
    /// <summary>SOL_UDP</summary>
    public const int SolUdp = 17;
    /// <summary>SOL_IPV6</summary>
    public const int SolIpv6 = 41;

    /// <summary>SO_REUSEADDR</summary>
    public const int SoReuseAddr = 2;
    /// <summary>SO_TYPE</summary>
    public const int SoType = 3;
    /// <summary>SO_ERROR</summary>
    public const int SoError = 4;
    /// <summary>SO_BROADCAST</summary>
    public const int SoBroadcast = 6;
    /// <summary>SO_REUSEPORT</summary>
    public const int SoReusePort = 15;
    /// <summary>SO_PASSCRED</summary>
    public const int SoPassCred = 16;
    /// <summary>SO_PEERCRED</summary>
    public const int SoPeerCred = 17;
    /// <summary>SO_ACCEPTCONN</summary>
    public const int SoAcceptConn = 30;
    /// <summary>SO_PROTOCOL</summary>
    public const int SoProtocol = 38;
    /// <summary>SO_DOMAIN</summary>
    public const int SoDomain = 39;
    /// <summary>IPV6_V6ONLY</summary>
    public const int Ipv6V6Only = 26;

    /// <summary>SCM_RIGHTS: the control message type that passes descriptors.</summary>
    public const int ScmRights = 1;
    /// <summary>SCM_CREDENTIALS</summary>
    public const int ScmCredentials = 2;

    /// <summary>The option level names strace prints.</summary>
    public static readonly SymbolTable Levels = new(
        "socket option level",
        ("SOL_IP", SolIp), ("SOL_SOCKET", SolSocket), ("SOL_TCP", SolTcp), ("SOL_UDP", SolUdp), ("SOL_IPV6", SolIpv6),
        ("SOL_ICMPV6", 58), ("SOL_RAW", 255), ("IPPROTO_IP", SolIp), ("IPPROTO_TCP", SolTcp), ("IPPROTO_IPV6", SolIpv6));

    /// <summary>The SOL_SOCKET option names strace prints.</summary>
    public static readonly SymbolTable SocketOptions = new(
        "socket option",
        ("SO_DEBUG", 1), ("SO_REUSEADDR", SoReuseAddr), ("SO_TYPE", SoType), ("SO_ERROR", SoError),
        ("SO_DONTROUTE", 5), ("SO_BROADCAST", SoBroadcast), ("SO_SNDBUF", 7), ("SO_RCVBUF", 8),
        ("SO_KEEPALIVE", 9), ("SO_OOBINLINE", 10), ("SO_LINGER", 13), ("SO_REUSEPORT", SoReusePort),
        ("SO_PASSCRED", SoPassCred), ("SO_PEERCRED", SoPeerCred), ("SO_RCVLOWAT", 18), ("SO_SNDLOWAT", 19),
        ("SO_BINDTODEVICE", 25), ("SO_ACCEPTCONN", SoAcceptConn), ("SO_MARK", 36),
        ("SO_PROTOCOL", SoProtocol), ("SO_DOMAIN", SoDomain), ("SO_PEEK_OFF", 42));

    /// <summary>The SOL_IPV6 option names the model reads.</summary>
    public static readonly SymbolTable Ipv6Options = new("IPv6 socket option", ("IPV6_V6ONLY", Ipv6V6Only));

    /// <summary>The SOL_TCP option names strace prints (accepted and ignored by the model).</summary>
    public static readonly SymbolTable TcpOptions = new(
        "TCP socket option", ("TCP_NODELAY", 1), ("TCP_MAXSEG", 2), ("TCP_CORK", 3), ("TCP_KEEPIDLE", 4));

    /// <summary>The control message types strace prints at SOL_SOCKET.</summary>
    public static readonly SymbolTable ControlTypes = new(
        "control message type", ("SCM_RIGHTS", ScmRights), ("SCM_CREDENTIALS", ScmCredentials));
}
