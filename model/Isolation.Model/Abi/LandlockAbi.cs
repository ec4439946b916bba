namespace Isolation.Model.Abi;

/// <summary>Landlock's user-space ABI: the flags, rule types, access rights and scopes, and the attribute layouts.</summary>
/// <remarks>include/uapi/linux/landlock.h, security/landlock/limits.h and syscalls.c (6.12).</remarks>
public static class LandlockAbi
{
    /// <summary>LANDLOCK_CREATE_RULESET_VERSION: return the ABI version instead of creating a ruleset.</summary>
    public const long CreateRulesetVersion = 1;

    /// <summary>LANDLOCK_CREATE_RULESET_ERRATA: return the bit mask of errata fixed in this kernel.</summary>
    public const long CreateRulesetErrata = 2;

    /// <summary>LANDLOCK_RULE_PATH_BENEATH</summary>
    public const long RulePathBeneath = 1;

    /// <summary>LANDLOCK_RULE_NET_PORT</summary>
    public const long RuleNetPort = 2;

    /// <summary>LANDLOCK_ACCESS_NET_BIND_TCP: bind a TCP socket to a local port.</summary>
    public const ulong AccessNetBindTcp = 1;

    /// <summary>LANDLOCK_ACCESS_NET_CONNECT_TCP: connect an active TCP socket to a remote port.</summary>
    public const ulong AccessNetConnectTcp = 2;

    /// <summary>LANDLOCK_MASK_ACCESS_NET: every network access right of 6.12.</summary>
    public const ulong MaskAccessNet = AccessNetBindTcp | AccessNetConnectTcp;

    /// <summary>LANDLOCK_MASK_ACCESS_FS: every file system access right of 6.12 (EXECUTE … IOCTL_DEV).</summary>
    public const ulong MaskAccessFs = 0xffff;

    /// <summary>LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET: no connect/send to an abstract unix socket created outside the domain.</summary>
    public const ulong ScopeAbstractUnixSocket = 1;

    /// <summary>LANDLOCK_SCOPE_SIGNAL: no signal to a process outside the domain.</summary>
    public const ulong ScopeSignal = 2;

    /// <summary>LANDLOCK_MASK_SCOPE: every scope of 6.12.</summary>
    public const ulong MaskScope = ScopeAbstractUnixSocket | ScopeSignal;

    /// <summary>LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF (6.15, ABI 7): the one flag that may come with ruleset_fd -1.</summary>
    public const long RestrictSelfLogSubdomainsOff = 4;

    /// <summary>LANDLOCK_MASK_RESTRICT_SELF (6.15, ABI 7): the three audit-logging flags.</summary>
    public const long MaskRestrictSelf = 7;

    /// <summary>sizeof(struct landlock_ruleset_attr): handled_access_fs, handled_access_net, scoped, 8 bytes each.</summary>
    public const int RulesetAttrSize = 24;

    /// <summary>offsetofend(struct landlock_ruleset_attr, handled_access_fs): the shortest attribute accepted.</summary>
    public const int RulesetAttrMinSize = 8;

    /// <summary>PAGE_SIZE on x86-64: copy_min_struct_from_user's largest attribute (E2BIG above).</summary>
    public const long PageSize = 4096;

    /// <summary>LANDLOCK_MAX_NUM_LAYERS: how many rulesets a domain may stack.</summary>
    public const int MaxNumLayers = 16;

    /// <summary>The largest port a LANDLOCK_RULE_NET_PORT rule may name (U16_MAX).</summary>
    public const ulong MaxPort = 65535;

    /// <summary>landlock_create_ruleset's flags.</summary>
    public static readonly SymbolTable CreateRulesetFlags = new(
        "landlock_create_ruleset flag",
        [("LANDLOCK_CREATE_RULESET_VERSION", CreateRulesetVersion), ("LANDLOCK_CREATE_RULESET_ERRATA", CreateRulesetErrata)]);

    /// <summary>landlock_add_rule's rule types.</summary>
    public static readonly SymbolTable RuleTypes = new(
        "landlock rule type",
        [("LANDLOCK_RULE_PATH_BENEATH", RulePathBeneath), ("LANDLOCK_RULE_NET_PORT", RuleNetPort)]);

    /// <summary>The file system access rights (handled_access_fs, a path_beneath rule's allowed_access).</summary>
    public static readonly SymbolTable AccessFs = new(
        "landlock file system access right",
        [
            ("LANDLOCK_ACCESS_FS_EXECUTE", 0x1), ("LANDLOCK_ACCESS_FS_WRITE_FILE", 0x2), ("LANDLOCK_ACCESS_FS_READ_FILE", 0x4),
            ("LANDLOCK_ACCESS_FS_READ_DIR", 0x8), ("LANDLOCK_ACCESS_FS_REMOVE_DIR", 0x10), ("LANDLOCK_ACCESS_FS_REMOVE_FILE", 0x20),
            ("LANDLOCK_ACCESS_FS_MAKE_CHAR", 0x40), ("LANDLOCK_ACCESS_FS_MAKE_DIR", 0x80), ("LANDLOCK_ACCESS_FS_MAKE_REG", 0x100),
            ("LANDLOCK_ACCESS_FS_MAKE_SOCK", 0x200), ("LANDLOCK_ACCESS_FS_MAKE_FIFO", 0x400), ("LANDLOCK_ACCESS_FS_MAKE_BLOCK", 0x800),
            ("LANDLOCK_ACCESS_FS_MAKE_SYM", 0x1000), ("LANDLOCK_ACCESS_FS_REFER", 0x2000), ("LANDLOCK_ACCESS_FS_TRUNCATE", 0x4000),
            ("LANDLOCK_ACCESS_FS_IOCTL_DEV", 0x8000),
        ]);

    /// <summary>The network access rights (handled_access_net, a net_port rule's allowed_access).</summary>
    public static readonly SymbolTable AccessNet = new(
        "landlock network access right",
        [("LANDLOCK_ACCESS_NET_BIND_TCP", (long)AccessNetBindTcp), ("LANDLOCK_ACCESS_NET_CONNECT_TCP", (long)AccessNetConnectTcp)]);

    /// <summary>The scopes (a ruleset's scoped field).</summary>
    public static readonly SymbolTable Scopes = new(
        "landlock scope",
        [("LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET", (long)ScopeAbstractUnixSocket), ("LANDLOCK_SCOPE_SIGNAL", (long)ScopeSignal)]);

    /// <summary>landlock_restrict_self's flags (6.15 and later; 6.12 has none).</summary>
    public static readonly SymbolTable RestrictSelfFlags = new(
        "landlock_restrict_self flag",
        [
            ("LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF", 1), ("LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON", 2),
            ("LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF", RestrictSelfLogSubdomainsOff),
        ]);
}
