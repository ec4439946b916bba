using Isolation.Model.Kernel.Fds;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// A ruleset being built: what landlock_create_ruleset returns as an anonymous-inode descriptor
/// ("anon_inode:[landlock-ruleset]", O_RDWR|O_CLOEXEC) and landlock_add_rule extends. Reading or
/// writing it is EINVAL (fop_dummy_read, fop_dummy_write); landlock_restrict_self freezes a copy.
/// </summary>
/// <remarks>security/landlock/syscalls.c ruleset_fops; security/landlock/ruleset.c landlock_create_ruleset (6.12).</remarks>
public sealed class LandlockRuleset : FileObject
{
    private readonly Dictionary<int, ulong> _portRules = [];

    /// <summary>A ruleset handling these rights and scopes, with no rules yet.</summary>
    public LandlockRuleset(ulong handledFs, ulong handledNet, ulong scoped)
    {
        HandledFs = handledFs;
        HandledNet = handledNet;
        Scoped = scoped;
    }

    /// <summary>handled_access_fs.</summary>
    public ulong HandledFs { get; }

    /// <summary>handled_access_net.</summary>
    public ulong HandledNet { get; }

    /// <summary>scoped.</summary>
    public ulong Scoped { get; }

    /// <summary>The network rules: allowed access rights per port.</summary>
    public IReadOnlyDictionary<int, ulong> PortRules => _portRules;

    /// <summary>landlock_append_net_rule: a second rule for the same port adds its rights to the first.</summary>
    public void AddPortRule(int port, ulong allowed) =>
        _portRules[port] = _portRules.GetValueOrDefault(port) | allowed;
}
