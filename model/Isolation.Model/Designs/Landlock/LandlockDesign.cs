using System.Collections.Immutable;
using Isolation.Model.Rules;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// <c>landlock</c>: mainline Landlock (6.12, ABI 6) — rulesets of TCP bind/connect port rules and
/// the abstract-unix and signal scopes, enforced irrevocably on a task and all its descendants,
/// with the implicit ptrace restriction between domains.
/// </summary>
/// <remarks>
/// Documentation/userspace-api/landlock.rst and security/landlock/ (6.12); today's answer to seed 004
/// (004_395e695cd1b36f96.txt). Hook-by-hook notes in README.md.
/// </remarks>
public static class LandlockDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "landlock";

    /// <summary>Where the design comes from.</summary>
    public const string Source = "Documentation/userspace-api/landlock.rst, security/landlock/ (Linux 6.12)";

    /// <summary>
    /// How a process sandboxes itself: a ruleset handling both TCP rights (no port allowed) and both
    /// scopes, no_new_privs, then restrict_self; or the scopes alone. Declared before
    /// <see cref="Design"/>, whose initializer reads it (static initializers run in order).
    /// </summary>
    internal static ImmutableArray<EntryMove> EntryMoves { get; } =
    [
        new("sandbox", [
            "landlock_create_ruleset({handled_access_fs=0, handled_access_net=LANDLOCK_ACCESS_NET_BIND_TCP|LANDLOCK_ACCESS_NET_CONNECT_TCP, scoped=LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET|LANDLOCK_SCOPE_SIGNAL}, 24, 0)",
            "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)",
            "landlock_restrict_self({r1}, 0)",
            "close({r1})",
        ]),
        new("scope-only", [
            "landlock_create_ruleset({handled_access_fs=0, handled_access_net=0, scoped=LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET|LANDLOCK_SCOPE_SIGNAL}, 24, 0)",
            "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)",
            "landlock_restrict_self({r1}, 0)",
            "close({r1})",
        ]),
    ];

    /// <summary>The rules of Landlock's hooks, by hook (the same in every release the model has).</summary>
    public static ImmutableArray<HookRule> Rules { get; } =
    [
        new("ptrace_access_check", LandlockRules.Ptrace),
        new("ptrace_traceme", LandlockRules.Ptrace),
        new("task_kill", LandlockRules.TaskKill),
        new("unix_stream_connect", LandlockRules.UnixStreamConnect),
        new("unix_may_send", LandlockRules.UnixMaySend),
        new("socket_bind_addrlen", LandlockRules.SocketBind),
        new("socket_connect_addrlen", LandlockRules.SocketConnect),
    ];

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "Landlock (6.12, ABI 6): TCP bind/connect port rules, abstract-unix and signal scopes, ptrace between domains",
        Source,
        () => new LandlockModule(LandlockRelease.Linux612))
    {
        Entry = EntryMoves,
        Rules = Rules,
    };
}
