using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// struct msghdr as strace prints it, for sendmsg (read in full) and recvmsg (the template gives
/// the buffer sizes; the kernel's answer is printed back in the same shape).
/// </summary>
/// <remarks>
/// strace 6.x decode_msghdr, checked against strace 6.1 on 6.18:
/// <c>{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hi", iov_len=16}], msg_iovlen=1,
/// msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}],
/// msg_controllen=24, msg_flags=0}</c>. After recvmsg: the name buffer shows the sender's
/// address when there is one (else the pointer as written), <c>msg_namelen=110 =&gt; 8</c>, each
/// iovec its share of the bytes (<c>iov_base=""</c> past the end), <c>msg_control</c> only when
/// a control message was written, <c>msg_controllen</c> the space used, <c>msg_flags</c> with
/// MSG_TRUNC, MSG_CTRUNC and the caller's MSG_CMSG_CLOEXEC.
/// </remarks>
public static class MsgHdrCodec
{
    /// <summary>sizeof(struct cmsghdr).</summary>
    public const int CmsgHeader = 16;

    /// <summary>What a sendmsg msghdr carries.</summary>
    public readonly record struct Outgoing(UserSockAddr? Name, byte[] Data, IReadOnlyList<int>? Rights);

    /// <summary>The buffers a recvmsg msghdr offers.</summary>
    public readonly record struct Template(Expr Name, int NameLength, ImmutableArray<int> IovLengths, int ControlCapacity)
    {
        /// <summary>The total buffer size.</summary>
        public int Size => IovLengths.Sum();
    }

    /// <summary>Reads a sendmsg msghdr: the name, the bytes of all iovecs, and the SCM_RIGHTS descriptors.</summary>
    public static Outgoing ReadOutgoing(SyscallContext ctx, Expr expr)
    {
        var header = AsStruct(ctx, expr);
        var nameLength = IntField(ctx, header, "msg_namelen", 0);
        UserSockAddr? name = null;
        if (header.Field("msg_name") is { } nameExpr && nameExpr is not SymbolExpr { Name: "NULL" } && nameLength != 0)
        {
            name = SockAddrCodec.Decode(ctx, nameExpr, Math.Min(nameLength, 128));
        }

        var data = new List<byte>();
        foreach (var iov in Iovecs(ctx, header))
        {
            var length = IntField(ctx, iov, "iov_len", 0);
            var bytes = iov.Field("iov_base") is StringExpr s ? s.Bytes : [];
            data.AddRange(bytes.Take(length));
            data.AddRange(Enumerable.Repeat((byte)0, Math.Max(0, length - bytes.Length)));
        }

        return new Outgoing(name, [.. data], Rights(ctx, header));
    }

    /// <summary>Reads a recvmsg template.</summary>
    public static Template ReadTemplate(SyscallContext ctx, Expr expr)
    {
        var header = AsStruct(ctx, expr);
        var name = header.Field("msg_name") ?? SymbolExpr.Of("NULL");
        var nameLength = IntField(ctx, header, "msg_namelen", 0);
        var iovs = Iovecs(ctx, header).Select(iov => IntField(ctx, iov, "iov_len", 0)).ToImmutableArray();
        var hasControl = header.Field("msg_control") is { } control && control is not SymbolExpr { Name: "NULL" };
        var capacity = IntField(ctx, header, "msg_controllen", 0);
        return new Template(name, nameLength, iovs, hasControl || capacity > 0 ? capacity : -1);
    }

    /// <summary>Prints the msghdr recvmsg filled in.</summary>
    public static StructExpr RenderReceived(Template template, RecvResult result, IReadOnlyList<int> fds, int callFlags)
    {
        var fields = ImmutableArray.CreateBuilder<Expr>();
        var named = template.Name is not SymbolExpr { Name: "NULL" } and not IntExpr { Value: 0 };
        var nameOut = named ? (result.From is { } from ? SockAddrCodec.LengthOf(from) : 0) : template.NameLength;
        fields.Add(Field("msg_name", named && result.From is { } f ? SockAddrCodec.Render(f) : template.Name));
        fields.Add(Field("msg_namelen", SockAddrCodec.Changed(template.NameLength, nameOut)));

        var iovs = ImmutableArray.CreateBuilder<Expr>();
        var at = 0;
        foreach (var length in template.IovLengths)
        {
            var take = Math.Clamp(result.Data.Length - at, 0, length);
            iovs.Add(new StructExpr([Field("iov_base", StringExpr.Of(result.Data.AsSpan(at, take))), Field("iov_len", IntExpr.Of(length))], SourceSpan.None));
            at += take;
        }

        fields.Add(Field("msg_iov", new ArrayExpr(iovs.ToImmutable(), false, SourceSpan.None)));
        fields.Add(Field("msg_iovlen", IntExpr.Of(template.IovLengths.Length)));
        var used = 0;
        if (fds.Count > 0)
        {
            var cmsgLength = CmsgHeader + (4 * fds.Count);
            fields.Add(Field("msg_control", new ArrayExpr(
                [new StructExpr(
                    [
                        Field("cmsg_len", IntExpr.Of(cmsgLength)),
                        Field("cmsg_level", SymbolExpr.Of("SOL_SOCKET")),
                        Field("cmsg_type", SymbolExpr.Of("SCM_RIGHTS")),
                        Field("cmsg_data", SockAddrCodec.Numbers(fds)),
                    ],
                    SourceSpan.None)],
                false,
                SourceSpan.None)));
            used = Math.Min(template.ControlCapacity, (cmsgLength + 7) & ~7);
        }

        fields.Add(Field("msg_controllen", IntExpr.Of(used)));
        var flags = result.MsgFlags | (callFlags & MsgFlags.CmsgCloexec);
        fields.Add(Field("msg_flags", MsgFlags.Table.RenderFlags(flags)));
        return new StructExpr(fields.ToImmutable(), SourceSpan.None);
    }

    private static IReadOnlyList<int>? Rights(SyscallContext ctx, StructExpr header)
    {
        if (header.Field("msg_control") is not ArrayExpr control)
        {
            return null;
        }

        var fds = new List<int>();
        foreach (var item in control.Items)
        {
            var cmsg = AsStruct(ctx, item);
            var level = cmsg.Field("cmsg_level") is { } l ? SockOptAbi.Levels.Decode(l) : -1;
            var type = cmsg.Field("cmsg_type") is { } t ? SockOptAbi.ControlTypes.Decode(t) : -1;
            if (level != SockOptAbi.SolSocket || type != SockOptAbi.ScmRights)
            {
                throw ctx.Error(item, "only SCM_RIGHTS control messages at SOL_SOCKET are modelled");
            }

            if (cmsg.Field("cmsg_data") is not ArrayExpr data)
            {
                throw ctx.Error(cmsg, "expected cmsg_data=[fd, ...]");
            }

            fds.AddRange(data.Items.Select(d => d is IntExpr i ? checked((int)i.Value) : throw ctx.Error(d, "expected a descriptor number")));
        }

        return fds;
    }

    private static IEnumerable<StructExpr> Iovecs(SyscallContext ctx, StructExpr header) => header.Field("msg_iov") switch
    {
        null or SymbolExpr { Name: "NULL" } => [],
        ArrayExpr a => a.Items.Select(i => AsStruct(ctx, i)),
        var e => throw ctx.Error(e, "expected msg_iov=[{iov_base=..., iov_len=N}, ...]"),
    };

    private static int IntField(SyscallContext ctx, StructExpr s, string name, int fallback) => s.Field(name) switch
    {
        null => fallback,
        IntExpr i => checked((int)i.Value),
        BinaryExpr { Operator: "=>", Left: IntExpr i } => checked((int)i.Value),
        var e => throw ctx.Error(e, $"expected {name} as a number"),
    };

    private static StructExpr AsStruct(SyscallContext ctx, Expr e) =>
        (e is AnnotatedExpr a ? a.Inner : e) as StructExpr ?? throw ctx.Error(e, "expected a structure in braces");

    private static FieldExpr Field(string name, Expr value) => new(name, value, SourceSpan.None);
}
