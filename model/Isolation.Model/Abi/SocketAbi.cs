namespace Isolation.Model.Abi;

/// <summary>Socket constants as x86-64 Linux numbers them.</summary>
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

    /// <summary>SOCK_STREAM</summary>
    public const int SockStream = 1;
    /// <summary>SOCK_DGRAM</summary>
    public const int SockDgram = 2;
    /// <summary>SOCK_RAW</summary>
    public const int SockRaw = 3;
    /// <summary>SOCK_SEQPACKET</summary>
    public const int SockSeqpacket = 5;
    /// <summary>SOCK_NONBLOCK (= O_NONBLOCK)</summary>
    public const int SockNonBlock = OpenFlags.NonBlock;
    /// <summary>SOCK_CLOEXEC (= O_CLOEXEC)</summary>
    public const int SockCloexec = OpenFlags.CloseOnExec;
}
