using System.Text;
using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// Socket addresses as strace prints them, both ways: a sockaddr argument and its length become a
/// <see cref="UserSockAddr"/>, and an address the kernel fills in becomes the strace form.
/// </summary>
/// <remarks>
/// strace 6.x print_sockaddr: <c>{sa_family=AF_UNIX, sun_path="/p"}</c>, <c>sun_path=@"name"</c>
/// for an abstract name (every byte up to addrlen), <c>{sa_family=AF_UNIX}</c> when unnamed,
/// <c>{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("10.0.0.5")}</c>,
/// <c>{sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &amp;sin6_addr), sin6_scope_id=0}</c>.
/// A length that changed is <c>[110 =&gt; 8]</c>, one that did not <c>[16]</c>.
/// </remarks>
public static class SockAddrCodec
{
    /// <summary>Reads argument <paramref name="index"/> as a sockaddr of <paramref name="length"/> bytes; NULL (or length 0) is null.</summary>
    public static UserSockAddr? Read(SyscallContext ctx, int index, int length)
    {
        if (ctx.IsNull(index))
        {
            return null;
        }

        var address = Decode(ctx, ctx.Arg(index), length);
        return length == 0 ? null : address;
    }

    /// <summary>Decodes a sockaddr structure written as strace prints it.</summary>
    public static UserSockAddr Decode(SyscallContext ctx, Expr expr, int length)
    {
        if (expr is not StructExpr s || s.Field("sa_family") is not { } familyExpr)
        {
            throw ctx.Error(expr, "expected a socket address such as {sa_family=AF_UNIX, sun_path=\"/tmp/s\"}");
        }

        var family = (int)SocketAbi.Families.Decode(familyExpr);
        SockAddr address = family switch
        {
            SocketAbi.AfUnix => DecodeUnix(ctx, s),
            SocketAbi.AfInet => DecodeInet(ctx, s),
            SocketAbi.AfInet6 => DecodeInet6(ctx, s),
            _ => new OtherAddress(family),
        };
        return new UserSockAddr(family, length, address);
    }

    /// <summary>Prints an address as strace does.</summary>
    public static Expr Render(SockAddr address) => address switch
    {
        UnixAddress { Kind: UnixAddressKind.Unnamed } => Struct(Field("sa_family", SymbolExpr.Of("AF_UNIX"))),
        UnixAddress unix => Struct(
            Field("sa_family", SymbolExpr.Of("AF_UNIX")),
            Field("sun_path", StringExpr.Of(Encoding.Latin1.GetBytes(unix.Name), unix.Kind == UnixAddressKind.Abstract))),
        InetAddress { Address.IsV6: false } v4 => Struct(
            Field("sa_family", SymbolExpr.Of("AF_INET")),
            Field("sin_port", Call("htons", IntExpr.Of(v4.Port))),
            Field("sin_addr", Call("inet_addr", StringExpr.Of(v4.Address.ToString())))),
        InetAddress v6 => Struct(
            Field("sa_family", SymbolExpr.Of("AF_INET6")),
            Field("sin6_port", Call("htons", IntExpr.Of(v6.Port))),
            Field("sin6_flowinfo", Call("htonl", IntExpr.Of(0))),
            Call("inet_pton", SymbolExpr.Of("AF_INET6"), StringExpr.Of(v6.Address.ToString()), new RefExpr("sin6_addr", SourceSpan.None)),
            Field("sin6_scope_id", IntExpr.Of(v6.ScopeId))),
        _ => Struct(Field("sa_family", SocketAbi.Families.Render(address.Family))),
    };

    /// <summary>The sockaddr length the kernel reports for an address.</summary>
    public static int LengthOf(SockAddr address) => address switch
    {
        UnixAddress unix => unix.Length,
        InetAddress inet => inet.Length,
        _ => 2,
    };

    /// <summary>
    /// The value a length argument had before the call: <c>[110]</c>, <c>[110 =&gt; 8]</c> (the left
    /// side), or a bare number.
    /// </summary>
    public static int LengthBefore(SyscallContext ctx, int index) => ctx.Arg(index) switch
    {
        ArrayExpr { Items: [var item] } => Before(ctx, item),
        var e => Before(ctx, e),
    };

    /// <summary>A value before and after the call: <c>110 =&gt; 8</c>, or just <c>16</c> when unchanged.</summary>
    public static Expr Changed(long before, long after) =>
        before == after ? IntExpr.Of(before) : new BinaryExpr(IntExpr.Of(before), "=>", IntExpr.Of(after), SourceSpan.None);

    /// <summary>A length argument after the call: <c>[110 =&gt; 8]</c> or <c>[16]</c>.</summary>
    public static Expr LengthAfter(long before, long after) => new ArrayExpr([Changed(before, after)], false, SourceSpan.None);

    private static int Before(SyscallContext ctx, Expr e) => e switch
    {
        IntExpr i => checked((int)i.Value),
        BinaryExpr { Operator: "=>", Left: IntExpr i } => checked((int)i.Value),
        _ => throw ctx.Error(e, "expected a length such as [110] or [110 => 8]"),
    };

    private static UnixAddress DecodeUnix(SyscallContext ctx, StructExpr s)
    {
        if (s.Field("sun_path") is not { } path)
        {
            return UnixAddress.Unnamed;
        }

        if (path is not StringExpr text)
        {
            throw ctx.Error(path, "expected sun_path as a string (\"/path\" or @\"abstract\")");
        }

        var name = Encoding.Latin1.GetString(text.Bytes.AsSpan());
        return new UnixAddress(text.Abstract ? UnixAddressKind.Abstract : UnixAddressKind.Pathname, name);
    }

    private static InetAddress DecodeInet(SyscallContext ctx, StructExpr s)
    {
        var port = Port(ctx, s, "sin_port");
        var addrExpr = s.Field("sin_addr") ?? throw ctx.Error(s, "expected sin_addr=inet_addr(\"a.b.c.d\")");
        if (addrExpr is not CallExpr { Function: "inet_addr", Args: [StringExpr text] } || !IpAddr.TryParse(text.Text, false, out var ip))
        {
            throw ctx.Error(addrExpr, "expected sin_addr=inet_addr(\"a.b.c.d\") with an IPv4 address");
        }

        return new InetAddress(ip, port);
    }

    private static InetAddress DecodeInet6(SyscallContext ctx, StructExpr s)
    {
        var port = Port(ctx, s, "sin6_port");
        var pton = s.Fields.OfType<CallExpr>().FirstOrDefault(c => c.Function == "inet_pton")
            ?? throw ctx.Error(s, "expected inet_pton(AF_INET6, \"::1\", &sin6_addr)");
        if (pton.Args is not [_, StringExpr text, ..] || !IpAddr.TryParse(text.Text, true, out var ip))
        {
            throw ctx.Error(pton, "expected inet_pton(AF_INET6, \"...\", &sin6_addr) with an IPv6 address");
        }

        var scope = s.Field("sin6_scope_id") switch
        {
            null => 0,
            IntExpr i => checked((int)i.Value),
            var e => throw ctx.Error(e, "expected sin6_scope_id as a number"),
        };
        return new InetAddress(ip, port) { ScopeId = scope };
    }

    private static int Port(SyscallContext ctx, StructExpr s, string field)
    {
        var expr = s.Field(field) ?? throw ctx.Error(s, $"expected {field}=htons(N)");
        if (expr is not CallExpr { Function: "htons", Args: [IntExpr port] } || port.Value is < 0 or > 65535)
        {
            throw ctx.Error(expr, $"expected {field}=htons(N) with a port 0-65535");
        }

        return (int)port.Value;
    }

    private static StructExpr Struct(params Expr[] fields) => new([.. fields], SourceSpan.None);

    private static FieldExpr Field(string name, Expr value) => new(name, value, SourceSpan.None);

    private static CallExpr Call(string function, params Expr[] args) => new(function, [.. args], SourceSpan.None);

    /// <summary>An array of descriptor numbers: <c>[3, 4]</c>.</summary>
    internal static ArrayExpr Numbers(IEnumerable<int> values) =>
        new([.. values.Select(v => (Expr)IntExpr.Of(v))], false, SourceSpan.None);
}
