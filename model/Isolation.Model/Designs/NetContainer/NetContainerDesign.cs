namespace Isolation.Model.Designs.NetContainer;

/// <summary>
/// Lezcano's network container subsystem (seed 002): a cgroup controller with a per-container
/// IPv4 allow-list in <c>network.ipv4</c>, and bind() filtering through the socket_bind hook; plus
/// the variant with the can_attach Hallyn asked for.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, "[RFC][patch 1-3/3] Network container subsystem - bind filtering".</remarks>
public static class NetContainerDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "netcontainer";

    /// <summary>The name of the variant that refuses moves between containers without CAP_NET_ADMIN.</summary>
    public const string CanAttachName = "netcontainer-can-attach";

    /// <summary>The seed the design comes from.</summary>
    public const string Source = "seeds/002_d6ff0dffc80eb989.txt";

    /// <summary>The catalog entry of the design as posted (no can_attach).</summary>
    public static Design Design { get; } = new(
        Name,
        "cgroup controller 'network': per-container IPv4 allow-list (network.ipv4), bind() to other addresses is EPERM",
        Source,
        () => new NetContainerModule(canAttach: false));

    /// <summary>The catalog entry of the variant with can_attach.</summary>
    public static Design CanAttachDesign { get; } = new(
        CanAttachName,
        "netcontainer plus the can_attach Hallyn asked for: moving a task to another container needs CAP_NET_ADMIN",
        Source,
        () => new NetContainerModule(canAttach: true));
}
