namespace Isolation.Model.Kernel.Sockets;

/// <summary>A socket address as the kernel reads it from a sockaddr.</summary>
public abstract record SockAddr(int Family);

/// <summary>The three kinds of unix socket address (unix(7)).</summary>
public enum UnixAddressKind
{
    /// <summary>A file system path.</summary>
    Pathname,

    /// <summary>A name in the network namespace's abstract table (leading NUL byte).</summary>
    Abstract,

    /// <summary>No name: an unbound or socketpair socket (addrlen == sizeof(sa_family_t)).</summary>
    Unnamed,
}

/// <summary>An AF_UNIX address; <see cref="Name"/> holds the path or abstract name, bytes as Latin-1 chars.</summary>
public sealed record UnixAddress(UnixAddressKind Kind, string Name) : SockAddr(Abi.SocketAbi.AfUnix);

/// <summary>An AF_INET or AF_INET6 address and port.</summary>
public sealed record InetAddress(IpAddr Address, int Port) : SockAddr(Address.IsV6 ? Abi.SocketAbi.AfInet6 : Abi.SocketAbi.AfInet);

/// <summary>An address of a family the model only names (AF_UNSPEC, AF_NETLINK, …), kept so hooks can see its family.</summary>
public sealed record OtherAddress(int FamilyNumber) : SockAddr(FamilyNumber);
