using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Lsm;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>A socket (struct socket with its struct sock): family, type, protocol, namespace and state.</summary>
public class Socket : FileObject
{
    /// <summary>Creates a socket in <paramref name="netNs"/>.</summary>
    public Socket(int family, int type, int protocol, NetNamespace netNs)
    {
        Family = family;
        Type = type;
        Protocol = protocol;
        NetNs = netNs;
    }

    /// <summary>AF_UNIX, AF_INET, AF_INET6, …</summary>
    public int Family { get; }

    /// <summary>SOCK_STREAM, SOCK_DGRAM, … (without SOCK_NONBLOCK/SOCK_CLOEXEC).</summary>
    public int Type { get; }

    /// <summary>The protocol number (IPPROTO_TCP, IPPROTO_UDP, 0 for unix).</summary>
    public int Protocol { get; }

    /// <summary>The network namespace the socket was created in (sock_net).</summary>
    public NetNamespace NetNs { get; }

    /// <summary>The security blobs of the stacked modules (sk_security and the socket inode's).</summary>
    public SecurityBlobs Security { get; } = new();
}
