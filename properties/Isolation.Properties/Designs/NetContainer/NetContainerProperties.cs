using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.NetContainer;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Creds;
using Isolation.Properties.Kinds;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Properties.Designs.NetContainer;

/// <summary>
/// The claims of the network container subsystem and of the review that asked for can_attach, for
/// the posted design and for the variant: the same words, checked on both.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, "[RFC][patch 1-3/3] Network container subsystem - bind filtering" and its replies.</remarks>
public static class NetContainerProperties
{
    /// <summary>The seed every claim comes from.</summary>
    public const string Source = "seeds/002_d6ff0dffc80eb989.txt";

    /// <summary>
    /// Held in a container: in a cgroup other than the root, without CAP_NET_ADMIN (whoever has it
    /// may edit the list and, in the variant, move tasks: the administrator the patch trusts).
    /// </summary>
    public static Restriction Contained { get; } = new("contained", (kernel, task) =>
        InContainer(kernel, task) && !Capabilities.Capable(kernel, task, Capability.NetAdmin));

    /// <summary>The properties of the posted design.</summary>
    public static ImmutableArray<Property> All { get; } = For(NetContainerDesign.Name);

    /// <summary>The same properties for netcontainer-can-attach.</summary>
    public static ImmutableArray<Property> CanAttach { get; } = For(NetContainerDesign.CanAttachName);

    /// <summary>The network container module of the kernel's stack, or null when neither variant is stacked.</summary>
    public static NetContainerModule? Module(KernelState kernel) => kernel.Security.Modules.OfType<NetContainerModule>().FirstOrDefault();

    /// <summary>Whether <paramref name="task"/> is in a container other than the root one (whose tasks the hooks never filter).</summary>
    public static bool InContainer(KernelState kernel, Task task) =>
        Module(kernel) is { } module && module.NetworkOf(task) != module.Subsystem.Top;

    private static ImmutableArray<Property> For(string design) =>
    [
        NoMoveProperty.Create(design, "stays-in-container", Contained, (kernel, task) => Module(kernel)!.NetworkOf(task).Cgroup!.Path, Source, "Hallyn on patch 1/3, of \".can_attach = NULL\": \"you'll definately want to define can_attach() to prevent a task simply entering another container, right?\""),
        AssignedAddressProperty.Create(design, "bind-listed-only", ["bind"], Source, "Lezcano, patch 0/3: \"If a container tries to bind to an address not contained into this list, the bind will fail with EPERM. Of course the bind is allowed to INADDR_ANY.\""),
        AssignedAddressProperty.Create(design, "no-other-address", ["bind", "connect", "sendto", "sendmsg"], Source, "Lezcano (10 Sep 2007): \"The application running inside the container can not use another address than the one assigned to it.\""),
    ];
}
