namespace Isolation.Model.Abi;

/// <summary>
/// The uapi numbers seed 004's designs add, which Linux 6.12 does not have: RLIMIT_NETWORK, the
/// PR_{SET,GET}_NETWORK prctl pair and its flags, and the PR_{SET,GET}_NOSUID pair the
/// nosuid-unshare design needs. An unpatched 6.12 answers every one of them with EINVAL.
/// </summary>
/// <remarks>
/// Seed 004 (004_395e695cd1b36f96.txt): include/asm-generic/resource.h and include/linux/prctl.h
/// hunks. The 2009 prctl numbers 35 and 36 are PR_SET_MM and PR_SET_CHILD_SUBREAPER in 6.12
/// (include/uapi/linux/prctl.h), and 74 onwards are taken by 6.13 and later; the new pairs use
/// four-letter tags, as PR_SET_PTRACER ("Yama"), PR_SET_VMA ("SVMA") and PR_GET_AUXV ("AUXV") do.
/// </remarks>
public static class SeedConstants
{
    /// <summary>RLIMIT_NETWORK (rlimit-network): 16, the first number past 6.12's RLIM_NLIMITS, as in the patch.</summary>
    public const int RlimitNetwork = 16;

    /// <summary>PR_SET_NETWORK (prctl-network, prctl-network-lsm): "NETS"; 35 in the patch.</summary>
    public const int SetNetwork = 0x4e455453;

    /// <summary>PR_GET_NETWORK: "NETG"; 36 in the patch.</summary>
    public const int GetNetwork = 0x4e455447;

    /// <summary>PR_NETWORK_ON: no restriction, every task's value at boot.</summary>
    public const long NetworkOn = 0;

    /// <summary>PR_NETWORK_OFF: the one flag, "network off".</summary>
    public const long NetworkOff = 1;

    /// <summary>PR_NETWORK_ALL_FLAGS: every flag defined; setting another bit is EINVAL.</summary>
    public const long NetworkAllFlags = 1;

    /// <summary>PR_SET_NOSUID (nosuid-unshare): "NSUS"; Biederman proposed the flag but no interface.</summary>
    public const int SetNosuid = 0x4e535553;

    /// <summary>PR_GET_NOSUID: "NSUG".</summary>
    public const int GetNosuid = 0x4e535547;

    /// <summary>The prctl option names above, for the trace language's prctl option table.</summary>
    public static readonly (string Name, long Value)[] PrctlOptions =
    [
        ("PR_SET_NETWORK", SetNetwork), ("PR_GET_NETWORK", GetNetwork),
        ("PR_SET_NOSUID", SetNosuid), ("PR_GET_NOSUID", GetNosuid),
    ];

    /// <summary>Whether <paramref name="option"/> is one of the prctl options above (EINVAL when no loaded design answers it).</summary>
    public static bool IsPrctlOption(long option) => PrctlOptions.Any(o => o.Value == option);

    /// <summary>The prctl argument names above, for the trace language's prctl argument table.</summary>
    public static readonly (string Name, long Value)[] PrctlArguments =
    [
        ("PR_NETWORK_ON", NetworkOn), ("PR_NETWORK_OFF", NetworkOff),
    ];

    /// <summary>The resource name above, for the trace language's RLIMIT_* table.</summary>
    public static readonly (string Name, long Value)[] RlimitNames = [("RLIMIT_NETWORK", RlimitNetwork)];
}
