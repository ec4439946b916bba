using Isolation.Model.Abi;
using Isolation.Model.Designs.Landlock;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// The three Landlock system calls: landlock_create_ruleset, landlock_add_rule and
/// landlock_restrict_self, answered by the stacked Landlock module (EOPNOTSUPP when the stack has
/// none, as a kernel with Landlock built in but not enabled answers). Checks run in the kernel's order.
/// </summary>
/// <remarks>security/landlock/syscalls.c (6.12); attributes as strace 6.12 prints them (traces/FORMAT.md).</remarks>
internal static class LandlockCalls
{
    /// <summary>The ruleset attribute's fields: name, byte offset, and the constants they take.</summary>
    private static readonly (string Name, int Offset, SymbolTable Table)[] RulesetAttrFields =
    [
        ("handled_access_fs", 0, LandlockAbi.AccessFs),
        ("handled_access_net", 8, LandlockAbi.AccessNet),
        ("scoped", 16, LandlockAbi.Scopes),
    ];

    /// <summary>A port is a plain number.</summary>
    private static readonly SymbolTable PortNumbers = new("port number");

    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("landlock_create_ruleset", CreateRuleset);
        table.Register("landlock_add_rule", AddRule);
        table.Register("landlock_restrict_self", RestrictSelf);
    }

    // landlock_create_ruleset({handled_access_fs=0, handled_access_net=LANDLOCK_ACCESS_NET_BIND_TCP, scoped=0}, 24, 0) = 3;
    // landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 6.
    private static SyscallOutcome CreateRuleset(SyscallContext ctx)
    {
        ctx.Arity(3);
        var size = unchecked((ulong)ctx.Int(1));
        var flags = (uint)ctx.Flags(2, LandlockAbi.CreateRulesetFlags);
        if (LandlockModule.Of(ctx.Kernel) is not { } module)
        {
            return SyscallOutcome.Fail(Errno.EOPNOTSUPP);
        }

        if (flags != 0)
        {
            return !ctx.IsNull(0) || size != 0 ? SyscallOutcome.Fail(Errno.EINVAL) : flags switch
            {
                (uint)LandlockAbi.CreateRulesetVersion => SyscallOutcome.Ok(module.Release.AbiVersion),
                (uint)LandlockAbi.CreateRulesetErrata => SyscallOutcome.Ok(module.Release.Errata),
                _ => SyscallOutcome.Fail(Errno.EINVAL),
            };
        }

        // copy_min_struct_from_user: NULL, then the size range; bytes past the structure must be
        // zero, and the trace form has no way to write others.
        if (ctx.IsNull(0))
        {
            return SyscallOutcome.Fail(Errno.EFAULT);
        }

        if (size < LandlockAbi.RulesetAttrMinSize)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        if (size > LandlockAbi.PageSize)
        {
            return SyscallOutcome.Fail(Errno.E2BIG);
        }

        var (fs, net, scoped) = ReadRulesetAttr(ctx, (int)size);
        if ((fs & ~LandlockAbi.MaskAccessFs) != 0 || (net & ~LandlockAbi.MaskAccessNet) != 0 || (scoped & ~LandlockAbi.MaskScope) != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        if ((fs | net | scoped) == 0)
        {
            // landlock_create_ruleset: a ruleset that handles nothing.
            return SyscallOutcome.Fail(Errno.ENOMSG);
        }

        var (fd, error) = Descriptors.Install(ctx.Caller, new OpenFile(new LandlockRuleset(fs, net, scoped), OpenFlags.ReadWrite), closeOnExec: true);
        return TaskArgs.Result(error, fd);
    }

    // landlock_add_rule(3, LANDLOCK_RULE_NET_PORT, {allowed_access=LANDLOCK_ACCESS_NET_CONNECT_TCP, port=8080}, 0) = 0.
    private static SyscallOutcome AddRule(SyscallContext ctx)
    {
        ctx.Arity(4);
        var type = ctx.Flags(1, LandlockAbi.RuleTypes);
        var flags = (uint)ctx.Int(3);
        if (LandlockModule.Of(ctx.Kernel) is null)
        {
            return SyscallOutcome.Fail(Errno.EOPNOTSUPP);
        }

        if (flags != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var ruleset = RulesetArg(ctx, 0);
        return type switch
        {
            LandlockAbi.RulePathBeneath => AddPathBeneath(ctx, ruleset),
            LandlockAbi.RuleNetPort => AddNetPort(ctx, ruleset),
            _ => SyscallOutcome.Fail(Errno.EINVAL),
        };
    }

    // landlock_restrict_self(3, 0) = 0.
    private static SyscallOutcome RestrictSelf(SyscallContext ctx)
    {
        ctx.Arity(2);
        var fd = ctx.Fd(0);
        var flags = (uint)ctx.Flags(1, LandlockAbi.RestrictSelfFlags);
        if (LandlockModule.Of(ctx.Kernel) is not { } module)
        {
            return SyscallOutcome.Fail(Errno.EOPNOTSUPP);
        }

        // Like seccomp: without no_new_privs only CAP_SYS_ADMIN in the caller's namespace may
        // restrict itself, so that an unprivileged task cannot confuse a privileged child.
        var task = ctx.Caller;
        if (!task.NoNewPrivs && !Capabilities.NsCapable(ctx.Kernel, task, task.UserNs, Capability.SysAdmin))
        {
            return SyscallOutcome.Fail(Errno.EPERM);
        }

        var allowedFlags = module.Release.HasRestrictSelfFlags ? (uint)LandlockAbi.MaskRestrictSelf : 0;
        if ((flags & ~allowedFlags) != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        if (fd == -1 && flags == LandlockAbi.RestrictSelfLogSubdomainsOff)
        {
            // ABI 7: only turns audit logging of later domains off, which the model does not log.
            return SyscallOutcome.Ok();
        }

        var ruleset = RulesetArg(ctx, 0);
        if (LandlockDomain.Merge(module.DomainOf(task), ruleset) is not { } domain)
        {
            return SyscallOutcome.Fail(Errno.E2BIG);
        }

        if (ruleset.HandledFs != 0)
        {
            throw TaskArgs.NotModelled(ctx, ctx.Arg(0), "enforcing Landlock file system access rights (handled_access_fs)");
        }

        module.Enforce(task, domain);
        return SyscallOutcome.Ok();
    }

    // add_rule_path_beneath: the checks before the parent directory is looked up are answered; a
    // rule that passes them would need Landlock's file system model, which the model does not have.
    private static SyscallOutcome AddPathBeneath(SyscallContext ctx, LandlockRuleset ruleset)
    {
        if (ctx.IsNull(2))
        {
            return SyscallOutcome.Fail(Errno.EFAULT);
        }

        var rule = RuleArg(ctx, 2);
        var allowed = FieldValue(rule, "allowed_access", LandlockAbi.AccessFs);
        if (allowed == 0)
        {
            return SyscallOutcome.Fail(Errno.ENOMSG);
        }

        if ((allowed & ~ruleset.HandledFs) != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        throw TaskArgs.NotModelled(ctx, rule, "a LANDLOCK_RULE_PATH_BENEATH rule (Landlock's file system access control)");
    }

    // add_rule_net_port: an empty rule is ENOMSG ("useless"), rights the ruleset does not handle or a
    // port above 65535 are EINVAL; a second rule for a port adds to the first.
    private static SyscallOutcome AddNetPort(SyscallContext ctx, LandlockRuleset ruleset)
    {
        if (ctx.IsNull(2))
        {
            return SyscallOutcome.Fail(Errno.EFAULT);
        }

        var rule = RuleArg(ctx, 2);
        var allowed = FieldValue(rule, "allowed_access", LandlockAbi.AccessNet);
        var port = FieldValue(rule, "port", PortNumbers);
        if (allowed == 0)
        {
            return SyscallOutcome.Fail(Errno.ENOMSG);
        }

        if ((allowed & ~ruleset.HandledNet) != 0 || port > LandlockAbi.MaxPort)
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        ruleset.AddPortRule((int)port, allowed);
        return SyscallOutcome.Ok();
    }

    /// <summary>get_ruleset_from_fd: EBADF for no descriptor, EBADFD for one that is not a ruleset.</summary>
    private static LandlockRuleset RulesetArg(SyscallContext ctx, int index) =>
        ctx.File(index).Object as LandlockRuleset ?? throw new KernelError(Errno.EBADFD);

    private static StructExpr RuleArg(SyscallContext ctx, int index) =>
        ctx.Arg(index) as StructExpr ?? throw ctx.Error(ctx.Arg(index), "expected {allowed_access=..., port=N} or {allowed_access=..., parent_fd=N}");

    // The fields of struct landlock_ruleset_attr as copy_struct_from_user fills them from the first
    // size bytes (little endian: a field cut by size keeps its low bytes; one past size is zero).
    private static (ulong Fs, ulong Net, ulong Scoped) ReadRulesetAttr(SyscallContext ctx, int size)
    {
        if (ctx.Arg(0) is not StructExpr attr)
        {
            throw ctx.Error(ctx.Arg(0), "expected {handled_access_fs=..., handled_access_net=..., scoped=...} or NULL");
        }

        foreach (var field in attr.Fields)
        {
            if (field is not FieldExpr f || !RulesetAttrFields.Any(a => a.Name == f.Name))
            {
                throw ctx.Error(field, "unknown ruleset attribute (expected handled_access_fs, handled_access_net, scoped)");
            }
        }

        var values = RulesetAttrFields.Select(a => FieldValue(attr, a.Name, a.Table) & BytesWithin(size - a.Offset)).ToArray();
        return (values[0], values[1], values[2]);
    }

    // The mask of the low bytes of an 8-byte field of which n bytes were copied.
    private static ulong BytesWithin(int n) => n switch
    {
        <= 0 => 0,
        >= 8 => ulong.MaxValue,
        _ => (1UL << (8 * n)) - 1,
    };

    // A field's value; an absent one is 0 (strace 6.12 prints zero fields, older readers may not).
    private static ulong FieldValue(StructExpr s, string name, SymbolTable table) =>
        s.Field(name) is { } value ? unchecked((ulong)table.Decode(value)) : 0;
}
