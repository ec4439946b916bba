using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// capget and capset, with their arguments as strace prints them:
/// <c>capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1&lt;&lt;CAP_CHOWN|…, permitted=…, inheritable=0})</c>.
/// </summary>
/// <remarks>kernel/capability.c cap_validate_magic, capget, capset; security/commoncap.c cap_capget, cap_capset (6.12).</remarks>
internal static class CapCalls
{
    /// <summary>_LINUX_CAPABILITY_VERSION_1: one 32-bit word per set.</summary>
    private const long Version1 = 0x19980330;

    /// <summary>_LINUX_CAPABILITY_VERSION_3 (what the kernel writes back for an unknown version).</summary>
    private const long Version3 = 0x20080522;

    private static readonly SymbolTable Versions = new(
        "capability version",
        ("_LINUX_CAPABILITY_VERSION_1", Version1), ("_LINUX_CAPABILITY_VERSION_2", 0x20071026), ("_LINUX_CAPABILITY_VERSION_3", Version3));

    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("capget", Capget);
        table.Register("capset", Capset);
    }

    // capget(hdr, data): an unknown version is EINVAL with V3 written back, or 0 when data is NULL (a probe).
    private static SyscallOutcome Capget(SyscallContext ctx)
    {
        ctx.Arity(2);
        var header = Header(ctx, out var version);
        var known = IsKnown(version);
        if (ctx.IsNull(1) || !known)
        {
            var outcome = ctx.IsNull(1) ? SyscallOutcome.Ok() : SyscallOutcome.Fail(Errno.EINVAL);
            return known ? outcome : outcome.WithOutput(0, WithVersion(header));
        }

        var pid = header.Field("pid") ?? throw ctx.Error(header, "expected pid=");
        if (pid is IntExpr { Value: < 0 })
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var target = pid is IntExpr { Value: 0 } ? ctx.Caller : Find(ctx, pid);
        var cred = target.Cred;
        var mask = version == Version1 ? 0xffffffffUL : ulong.MaxValue;
        var data = new StructExpr(
            [
                new FieldExpr("effective", Render(cred.Effective.Bits & mask), SourceSpan.None),
                new FieldExpr("permitted", Render(cred.Permitted.Bits & mask), SourceSpan.None),
                new FieldExpr("inheritable", Render(cred.Inheritable.Bits & mask), SourceSpan.None),
            ],
            SourceSpan.None);
        return SyscallOutcome.Ok().WithOutput(1, data);
    }

    // capset(hdr, data): only the caller's own credentials (EPERM for another pid).
    private static SyscallOutcome Capset(SyscallContext ctx)
    {
        ctx.Arity(2);
        var header = Header(ctx, out var version);
        if (!IsKnown(version))
        {
            return SyscallOutcome.Fail(Errno.EINVAL).WithOutput(0, WithVersion(header));
        }

        var pid = header.Field("pid") ?? throw ctx.Error(header, "expected pid=");
        if (pid is not IntExpr { Value: 0 } && Find(ctx, pid) != ctx.Caller)
        {
            return SyscallOutcome.Fail(Errno.EPERM);
        }

        var data = ctx.Arg(1) as StructExpr ?? throw ctx.Error(ctx.Arg(1), "expected {effective=..., permitted=..., inheritable=...}");
        var mask = version == Version1 ? 0xffffffffUL : ulong.MaxValue;
        CapSet Set(string name) => new(Decode(ctx, data.Field(name) ?? throw ctx.Error(data, $"expected {name}=")) & mask);
        var task = ctx.Caller;
        var error = CommonCap.Capset(task.Cred, Set("effective"), Set("inheritable"), Set("permitted"), out var cred);
        if (error == Errno.None)
        {
            CredCommit.Commit(task, cred);
        }

        return TaskArgs.Result(error);
    }

    private static StructExpr Header(SyscallContext ctx, out long version)
    {
        var header = ctx.Arg(0) as StructExpr ?? throw ctx.Error(ctx.Arg(0), "expected {version=..., pid=...}");
        version = Versions.Decode(header.Field("version") ?? throw ctx.Error(header, "expected version="));
        return header;
    }

    private static bool IsKnown(long version) => Versions.NameOf(version) is not null;

    private static StructExpr WithVersion(StructExpr header) => header with
    {
        Fields = [.. header.Fields.Select(f => f is FieldExpr { Name: "version" } v ? v with { Value = SymbolExpr.Of("_LINUX_CAPABILITY_VERSION_3") } : f)],
    };

    private static Task Find(SyscallContext ctx, Expr pid) => pid is SymbolExpr { Name: var name } && ctx.Kernel.FindTask(name) is { } task
        ? task.State == TaskState.Dead ? throw new KernelError(Errno.ESRCH) : task
        : throw ctx.Error(pid, "expected pid=0 or a process name");

    // 1<<CAP_CHOWN|1<<CAP_KILL, a number, or 0.
    private static ulong Decode(SyscallContext ctx, Expr e) => e switch
    {
        IntExpr i => unchecked((ulong)i.Value),
        BinaryExpr { Left: IntExpr { Value: 1 }, Operator: "<<", Right: var cap } => 1UL << (int)CapabilityNames.Table.Decode(cap),
        OrExpr o => o.Terms.Aggregate(0UL, (acc, t) => acc | Decode(ctx, t)),
        _ => throw ctx.Error(e, "expected a capability set such as 1<<CAP_KILL|1<<CAP_NET_RAW"),
    };

    private static Expr Render(ulong bits)
    {
        var terms = Enumerable.Range(0, 64).Where(b => (bits & (1UL << b)) != 0)
            .Select(b => (Expr)new BinaryExpr(IntExpr.Of(1), "<<", CapabilityNames.Table.Render(b), SourceSpan.None))
            .ToImmutableArray();
        return terms.Length switch
        {
            0 => IntExpr.Of(0),
            1 => terms[0],
            _ => new OrExpr(terms, SourceSpan.None),
        };
    }
}
