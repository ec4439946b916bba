namespace Isolation.Model.Abi;

/// <summary>Socket constants as x86-64 Linux numbers them, and the names strace prints for them.</summary>
/// <remarks>include/linux/socket.h, include/linux/net.h, include/uapi/linux/in.h (6.12).</remarks>
public static class SocketAbi
{
    /// <summary>AF_UNSPEC</summary>
    public const int AfUnspec = 0;
    /// <summary>AF_UNIX</summary>
    public const int AfUnix = 1;
    /// <summary>AF_INET</summary>
    public const int AfInet = 2;
    /// <summary>AF_INET6</summary>
    public const int AfInet6 = 10;
    /// <summary>AF_NETLINK</summary>
    public const int AfNetlink = 16;
    /// <summary>AF_PACKET</summary>
    public const int AfPacket = 17;
    /// <summary>AF_MAX (NPROTO): families at or above it are refused before any hook runs.</summary>
    public const int AfMax = 46;

    /// <summary>SOCK_STREAM</summary>
    public const int SockStream = 1;
    /// <summary>SOCK_DGRAM</summary>
    public const int SockDgram = 2;
    /// <summary>SOCK_RAW</summary>
    public const int SockRaw = 3;
    /// <summary>SOCK_RDM</summary>
    public const int SockRdm = 4;
    /// <summary>SOCK_SEQPACKET</summary>
    public const int SockSeqpacket = 5;
    /// <summary>SOCK_PACKET (obsolete)</summary>
    public const int SockPacket = 10;
    /// <summary>SOCK_MAX: socket types at or above it are EINVAL.</summary>
    public const int SockMax = 11;
    /// <summary>SOCK_TYPE_MASK: the type bits of socket(2)'s type argument.</summary>
    public const int SockTypeMask = 0xf;
    /// <summary>SOCK_NONBLOCK (= O_NONBLOCK)</summary>
    public const int SockNonBlock = OpenFlags.NonBlock;
    /// <summary>SOCK_CLOEXEC (= O_CLOEXEC)</summary>
    public const int SockCloexec = OpenFlags.CloseOnExec;

    /// <summary>IPPROTO_IP (0: "the default protocol")</summary>
    public const int IpprotoIp = 0;
    /// <summary>IPPROTO_ICMP</summary>
    public const int IpprotoIcmp = 1;
    /// <summary>IPPROTO_TCP</summary>
    public const int IpprotoTcp = 6;
    /// <summary>IPPROTO_UDP</summary>
    public const int IpprotoUdp = 17;
    /// <summary>IPPROTO_IPV6</summary>
    public const int IpprotoIpv6 = 41;
    /// <summary>IPPROTO_ICMPV6</summary>
    public const int IpprotoIcmpv6 = 58;
    /// <summary>IPPROTO_RAW</summary>
    public const int IpprotoRaw = 255;
    /// <summary>IPPROTO_MAX: protocols at or above it are EINVAL for inet sockets.</summary>
    public const int IpprotoMax = 263;

    /// <summary>SHUT_RD</summary>
    public const int ShutRd = 0;
    /// <summary>SHUT_WR</summary>
    public const int ShutWr = 1;
    /// <summary>SHUT_RDWR</summary>
    public const int ShutRdwr = 2;

    /// <summary>RCV_SHUTDOWN: the sk_shutdown bit for "no more receives".</summary>
    public const int RcvShutdown = 1;
    /// <summary>SEND_SHUTDOWN: the sk_shutdown bit for "no more sends".</summary>
    public const int SendShutdown = 2;
    /// <summary>SHUTDOWN_MASK: both.</summary>
    public const int ShutdownMask = 3;

    /// <summary>net.core.somaxconn's default: listen(2) backlogs are clamped to it.</summary>
    public const int SoMaxConn = 4096;

    /// <summary>The address family names strace prints.</summary>
    public static readonly SymbolTable Families = new(
        "address family",
        ("AF_UNSPEC", 0), ("AF_UNIX", 1), ("AF_INET", 2), ("AF_AX25", 3), ("AF_IPX", 4),
        ("AF_APPLETALK", 5), ("AF_NETROM", 6), ("AF_BRIDGE", 7), ("AF_ATMPVC", 8), ("AF_X25", 9),
        ("AF_INET6", 10), ("AF_ROSE", 11), ("AF_DECnet", 12), ("AF_NETBEUI", 13), ("AF_SECURITY", 14),
        ("AF_KEY", 15), ("AF_NETLINK", 16), ("AF_PACKET", 17), ("AF_ASH", 18), ("AF_ECONET", 19),
        ("AF_ATMSVC", 20), ("AF_RDS", 21), ("AF_SNA", 22), ("AF_IRDA", 23), ("AF_PPPOX", 24),
        ("AF_WANPIPE", 25), ("AF_LLC", 26), ("AF_IB", 27), ("AF_MPLS", 28), ("AF_CAN", 29),
        ("AF_TIPC", 30), ("AF_BLUETOOTH", 31), ("AF_IUCV", 32), ("AF_RXRPC", 33), ("AF_ISDN", 34),
        ("AF_PHONET", 35), ("AF_IEEE802154", 36), ("AF_CAIF", 37), ("AF_ALG", 38), ("AF_NFC", 39),
        ("AF_VSOCK", 40), ("AF_KCM", 41), ("AF_QIPCRTR", 42), ("AF_SMC", 43), ("AF_XDP", 44),
        ("AF_MCTP", 45), ("AF_LOCAL", 1), ("AF_FILE", 1), ("AF_ROUTE", 16),
        ("PF_UNSPEC", 0), ("PF_UNIX", 1), ("PF_LOCAL", 1), ("PF_INET", 2), ("PF_INET6", 10),
        ("PF_NETLINK", 16), ("PF_PACKET", 17));

    /// <summary>The socket type names strace prints, with the SOCK_NONBLOCK/SOCK_CLOEXEC flags after the type.</summary>
    public static readonly SymbolTable Types = new(
        "socket type",
        ("SOCK_STREAM", SockStream), ("SOCK_DGRAM", SockDgram), ("SOCK_RAW", SockRaw), ("SOCK_RDM", SockRdm),
        ("SOCK_SEQPACKET", SockSeqpacket), ("SOCK_DCCP", 6), ("SOCK_PACKET", SockPacket),
        ("SOCK_CLOEXEC", SockCloexec), ("SOCK_NONBLOCK", SockNonBlock));

    /// <summary>The flag names accept4(2) takes.</summary>
    public static readonly SymbolTable AcceptFlags = new(
        "accept4 flag", ("SOCK_CLOEXEC", SockCloexec), ("SOCK_NONBLOCK", SockNonBlock));

    /// <summary>The protocol names strace prints (0 is printed as <c>IPPROTO_IP</c> for inet sockets).</summary>
    public static readonly SymbolTable Protocols = new(
        "protocol",
        ("IPPROTO_IP", IpprotoIp), ("IPPROTO_ICMP", IpprotoIcmp), ("IPPROTO_IGMP", 2), ("IPPROTO_IPIP", 4),
        ("IPPROTO_TCP", IpprotoTcp), ("IPPROTO_EGP", 8), ("IPPROTO_PUP", 12), ("IPPROTO_UDP", IpprotoUdp),
        ("IPPROTO_IDP", 22), ("IPPROTO_TP", 29), ("IPPROTO_DCCP", 33), ("IPPROTO_IPV6", IpprotoIpv6),
        ("IPPROTO_RSVP", 46), ("IPPROTO_GRE", 47), ("IPPROTO_ESP", 50), ("IPPROTO_AH", 51),
        ("IPPROTO_ICMPV6", IpprotoIcmpv6), ("IPPROTO_MTP", 92), ("IPPROTO_BEETPH", 94), ("IPPROTO_ENCAP", 98),
        ("IPPROTO_PIM", 103), ("IPPROTO_COMP", 108), ("IPPROTO_L2TP", 115), ("IPPROTO_SCTP", 132),
        ("IPPROTO_UDPLITE", 136), ("IPPROTO_MPLS", 137), ("IPPROTO_ETHERNET", 143), ("IPPROTO_RAW", IpprotoRaw),
        ("IPPROTO_SMC", 256), ("IPPROTO_MPTCP", 262), ("IPPROTO_HOPOPTS", 0));

    /// <summary>shutdown(2)'s <c>how</c> names.</summary>
    public static readonly SymbolTable ShutdownHow = new(
        "shutdown mode", ("SHUT_RD", ShutRd), ("SHUT_WR", ShutWr), ("SHUT_RDWR", ShutRdwr));
}
