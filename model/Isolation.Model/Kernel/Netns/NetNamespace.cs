using Isolation.Model.Kernel.Creds;

namespace Isolation.Model.Kernel.Netns;

/// <summary>A network namespace: devices, addresses, port tables and abstract unix names.</summary>
public sealed class NetNamespace
{
    /// <summary>Creates an empty namespace owned by <paramref name="owner"/>.</summary>
    public NetNamespace(int id, UserNamespace owner)
    {
        Id = id;
        Owner = owner;
    }

    /// <summary>A number, unique within one kernel, in creation order.</summary>
    public int Id { get; }

    /// <summary>The user namespace that owns it (capabilities over it are checked there).</summary>
    public UserNamespace Owner { get; }
}
