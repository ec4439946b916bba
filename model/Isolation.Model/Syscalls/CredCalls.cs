using System.Collections.Immutable;
using Isolation.Model.Kernel.Creds;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>Reading and changing credentials: get*id, set*id, getgroups, setgroups.</summary>
/// <remarks>kernel/sys.c, kernel/groups.c (6.12); ids are shown as the caller's user namespace sees them (65534 when unmapped).</remarks>
internal static class CredCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("getuid", ctx => Get(ctx, c => c.UserNs.FromKuidMunged(c.Uid)));
        table.Register("geteuid", ctx => Get(ctx, c => c.UserNs.FromKuidMunged(c.Euid)));
        table.Register("getgid", ctx => Get(ctx, c => c.UserNs.FromKgidMunged(c.Gid)));
        table.Register("getegid", ctx => Get(ctx, c => c.UserNs.FromKgidMunged(c.Egid)));
        table.Register("getresuid", ctx => GetRes(ctx, c => [c.UserNs.FromKuidMunged(c.Uid), c.UserNs.FromKuidMunged(c.Euid), c.UserNs.FromKuidMunged(c.Suid)]));
        table.Register("getresgid", ctx => GetRes(ctx, c => [c.UserNs.FromKgidMunged(c.Gid), c.UserNs.FromKgidMunged(c.Egid), c.UserNs.FromKgidMunged(c.Sgid)]));
        table.Register("setuid", ctx => Set1(ctx, SetId.Uid));
        table.Register("setgid", ctx => Set1(ctx, SetId.Gid));
        table.Register("setreuid", ctx => Set2(ctx, SetId.Uid));
        table.Register("setregid", ctx => Set2(ctx, SetId.Gid));
        table.Register("setresuid", ctx => Set3(ctx, SetId.Uid));
        table.Register("setresgid", ctx => Set3(ctx, SetId.Gid));
        table.Register("getgroups", GetGroups);
        table.Register("setgroups", SetGroups);
    }

    private static SyscallOutcome Get(SyscallContext ctx, Func<Cred, long> id)
    {
        ctx.Arity(0);
        return SyscallOutcome.Ok(id(ctx.Caller.Cred));
    }

    // getresuid([0], [0], [0]) = 0: each id written through its pointer.
    private static SyscallOutcome GetRes(SyscallContext ctx, Func<Cred, long[]> ids)
    {
        ctx.Arity(3);
        var outcome = SyscallOutcome.Ok();
        var values = ids(ctx.Caller.Cred);
        for (var i = 0; i < 3; i++)
        {
            outcome = outcome.WithOutput(i, List([values[i]]));
        }

        return outcome;
    }

    private static SyscallOutcome Set1(SyscallContext ctx, SetId kind)
    {
        ctx.Arity(1);
        return TaskArgs.Result(kind.Set(ctx.Kernel, ctx.Caller, ctx.Int(0)));
    }

    private static SyscallOutcome Set2(SyscallContext ctx, SetId kind)
    {
        ctx.Arity(2);
        return TaskArgs.Result(kind.SetReal(ctx.Kernel, ctx.Caller, ctx.Int(0), ctx.Int(1)));
    }

    private static SyscallOutcome Set3(SyscallContext ctx, SetId kind)
    {
        ctx.Arity(3);
        return TaskArgs.Result(kind.SetAll(ctx.Kernel, ctx.Caller, ctx.Int(0), ctx.Int(1), ctx.Int(2)));
    }

    // getgroups(size, list): the count; EINVAL for a negative size or one too small for the list.
    private static SyscallOutcome GetGroups(SyscallContext ctx)
    {
        ctx.Arity(2);
        var size = ctx.Int(0);
        var cred = ctx.Caller.Cred;
        if (size < 0 || (size != 0 && size < cred.Groups.Length))
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var outcome = SyscallOutcome.Ok(cred.Groups.Length);
        return size == 0 ? outcome : outcome.WithOutput(1, List(cred.Groups.Select(g => cred.UserNs.FromKgidMunged(g))));
    }

    // setgroups(2, [1, 2]) or setgroups(0, NULL).
    private static SyscallOutcome SetGroups(SyscallContext ctx)
    {
        ctx.Arity(2);
        var gids = ctx.IsNull(1) ? [] : (ctx.Arg(1) as ArrayExpr ?? throw ctx.Error(ctx.Arg(1), "expected a list of gids"))
            .Items.Select(i => i is IntExpr n ? n.Value : throw ctx.Error(i, "expected a gid")).ToList();
        return TaskArgs.Result(SetId.SetGroups(ctx.Kernel, ctx.Caller, ctx.Int(0), gids));
    }

    private static ArrayExpr List(IEnumerable<long> values) =>
        new([.. values.Select(v => (Expr)IntExpr.Of(v))], false, SourceSpan.None);
}
