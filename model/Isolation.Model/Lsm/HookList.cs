namespace Isolation.Model.Lsm;

/// <summary>The modules' functions for one LSM hook, in stacking order (a hlist of security_hook_list).</summary>
/// <typeparam name="THook">The hook's delegate type.</typeparam>
public sealed class HookList<THook>
    where THook : Delegate
{
    private readonly List<(SecurityModule Module, THook Hook)> _entries = [];

    /// <summary>Creates the list for the hook Linux calls <paramref name="name"/> (<c>socket_bind</c>).</summary>
    public HookList(string name) => Name = name;

    /// <summary>The hook's Linux name.</summary>
    public string Name { get; }

    /// <summary>The registered functions, in stacking order.</summary>
    public IReadOnlyList<(SecurityModule Module, THook Hook)> Entries => _entries;

    /// <summary>Registers <paramref name="module"/>'s function for this hook (LSM_HOOK_INIT).</summary>
    public void Add(SecurityModule module, THook hook) => _entries.Add((module, hook));
}
