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
public sealed record UnixAddress(UnixAddressKind Kind, string Name) : SockAddr(Abi.SocketAbi.AfUnix)
{
    /// <summary>The unnamed address.</summary>
    public static readonly UnixAddress Unnamed = new(UnixAddressKind.Unnamed, string.Empty);

    /// <summary>
    /// The length the kernel stores and getsockname returns: offsetof(sun_path) plus the name and
    /// its NUL for a path, plus the leading NUL and the name for an abstract name, 2 when unnamed.
    /// </summary>
    public int Length => Kind == UnixAddressKind.Unnamed ? 2 : 3 + Name.Length;
}

/// <summary>An AF_INET or AF_INET6 address and port; <see cref="ScopeId"/> is sin6_scope_id.</summary>
public sealed record InetAddress(IpAddr Address, int Port) : SockAddr(Address.IsV6 ? Abi.SocketAbi.AfInet6 : Abi.SocketAbi.AfInet)
{
    /// <summary>sin6_scope_id (IPv6 only).</summary>
    public int ScopeId { get; init; }

    /// <summary>The sockaddr length of this family: 16 for sockaddr_in, 28 for sockaddr_in6.</summary>
    public int Length => Address.IsV6 ? 28 : 16;
}

/// <summary>An address of a family the model only names (AF_UNSPEC, AF_NETLINK, …), kept so hooks can see its family.</summary>
public sealed record OtherAddress(int FamilyNumber) : SockAddr(FamilyNumber);
