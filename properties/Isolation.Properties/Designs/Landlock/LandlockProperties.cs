using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.Landlock;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Channels;
using Isolation.Properties.Kinds;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Properties.Designs.Landlock;

/// <summary>
/// The claims of Documentation/userspace-api/landlock.rst (6.12): a domain is irrevocable and
/// inherited; a landlocked task may only ptrace tasks in its domain or below; a domain scoped for
/// signals or abstract unix sockets reaches nothing outside it that way.
/// </summary>
/// <remarks>
/// TCP port rules have no channel property here: a channel records who received data over which
/// local endpoint, not which side connected, and Landlock leaves accepted connections alone. The
/// scenarios of traces/spec/designs/landlock and traces/host/landlock check the port rules.
/// </remarks>
public static class LandlockProperties
{
    private const string Source = "Documentation/userspace-api/landlock.rst (Linux 6.12)";

    /// <summary>The task runs in a Landlock domain.</summary>
    public static Restriction Landlocked { get; } = new("landlocked", (kernel, task) => DomainOf(kernel, task) is not null);

    /// <summary>The task's domain is scoped for signals.</summary>
    public static Restriction SignalScoped { get; } = new("scoped for signals", (kernel, task) => IsScoped(kernel, task, LandlockAbi.ScopeSignal));

    /// <summary>The task's domain is scoped for abstract unix sockets.</summary>
    public static Restriction AbstractUnixScoped { get; } = new("scoped for abstract unix sockets", (kernel, task) => IsScoped(kernel, task, LandlockAbi.ScopeAbstractUnixSocket));

    /// <summary>The design's properties; the landlock-6.18 variant makes the same claims.</summary>
    public static ImmutableArray<Property> All { get; } = Create(LandlockDesign.Name);

    /// <summary>The claims for the landlock-6.18 variant.</summary>
    public static ImmutableArray<Property> Linux618 { get; } = Create(Landlock618Design.Name);

    /// <summary>The claims for <paramref name="design"/>.</summary>
    public static ImmutableArray<Property> Create(string design) =>
    [
        IrrevocableProperty.Create(design, Landlocked, Source,
            "\"When a thread sandboxes itself, we have the guarantee that the related security policy will stay enforced on all this thread's descendants.\""),
        InheritedProperty.Create(design, Landlocked, Source,
            "\"Every new thread resulting from a clone(2) inherits Landlock domain restrictions from its parent.\""),
        NoNewChannelProperty.Create(design, "ptrace-within-domain", Landlocked, (kernel, c) => c.Kind != ChannelKind.Ptrace || IsWithin(kernel, c.To, c.From), Source,
            "\"a sandboxed process should have a superset of the target process's access rights, which means the tracee must be in a sub-domain of the tracer.\""),
        NoNewChannelProperty.Create(design, "signal-scope", SignalScoped, (kernel, c) => c.Kind != ChannelKind.Signal || !IsScopedFrom(kernel, c.From, c.To, LandlockAbi.ScopeSignal), Source,
            "\"If a process is scoped to send signal to a non-scoped process, it can only send signals to processes in the same scope.\""),
        NoNewChannelProperty.Create(design, "abstract-unix-scope", AbstractUnixScoped, (kernel, c) => !ChannelClasses.IsAbstractUnix(c) || !IsScopedFrom(kernel, c.From, c.To, LandlockAbi.ScopeAbstractUnixSocket), Source,
            "\"If a process's domain is scoped, it can only connect to sockets created by processes in the same scope.\""),
    ];

    /// <summary>The task's domain in whichever Landlock module is loaded, or null.</summary>
    public static LandlockDomain? DomainOf(KernelState kernel, Task task) => LandlockModule.Of(kernel)?.DomainOf(task);

    private static bool IsScoped(KernelState kernel, Task task, ulong scope) => DomainOf(kernel, task)?.Handles(scope: scope) == true;

    // The receiver stands for the socket's creator: exact when the receiving process made the socket
    // in the domain it runs in (every scenario here), approximate for a socket passed on or made
    // before its owner restricted itself (Linux then refuses more, never less).
    private static bool IsScopedFrom(KernelState kernel, Task from, Task to, ulong scope) =>
        DomainOf(kernel, from) is { } domain && domain.IsScopedFrom(DomainOf(kernel, to), scope);

    private static bool IsWithin(KernelState kernel, Task tracee, Task tracer) =>
        DomainOf(kernel, tracer) is not { } parent || (DomainOf(kernel, tracee) is { } child && child.IsWithin(parent));
}
