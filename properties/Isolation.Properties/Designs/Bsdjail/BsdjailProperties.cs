using System.Collections.Immutable;
using Isolation.Model.Designs.Bsdjail;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Channels;
using Isolation.Properties.Kinds;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Properties.Designs.Bsdjail;

/// <summary>The claims of bsdjail, each from a comment of the posted security/bsdjail.c.</summary>
/// <remarks>Seed 000_b30739e92565e0a7.txt, "[PATCH 1/1] bsdjail: define bsdjail lsm"; the thread has no review of the module.</remarks>
public static class BsdjailProperties
{
    /// <summary>The seed every claim comes from.</summary>
    public const string Source = "seeds/000_b30739e92565e0a7.txt";

    /// <summary>In a jail an exec enabled (in_jail).</summary>
    public static Restriction Jailed { get; } = new("jailed", (kernel, task) => Module(kernel)?.InJail(task) == true);

    /// <summary>The design's properties.</summary>
    public static ImmutableArray<Property> All { get; } =
    [
        IrrevocableProperty.Create(BsdjailDesign.Name, Jailed, Source, "jail_setprocattr: \"These values will be used on the next exec() to set up your jail (assuming you're not already in a jail)\"; in a jail: -EINVAL, \"let them guess why\""),
        InheritedProperty.Create(BsdjailDesign.Name, Jailed, Source, "jail_task_alloc_security: \"The child of a process in a jail belongs in the same jail\""),
        NoNewChannelProperty.Create(BsdjailDesign.Name, "no-ptrace-out-of-jail", Jailed, (k, c) => c.Kind != ChannelKind.Ptrace || SameJail(k, c.From, c.To), Source, "jail_ptrace: \"process in jail may not ptrace process not in the same jail\""),
        NoNewChannelProperty.Create(BsdjailDesign.Name, "no-signal-out-of-jail", Jailed, (k, c) => c.Kind != ChannelKind.Signal || c.Via == "SIGCHLD" || SameJail(k, c.From, c.To), Source, "jail_task_kill: \"process in jail may not send signal to process not in the same jail\" (SIGCHLD excepted by the code); jail_file_send_sigiotask: \"Forbid a process in a jail from sending a signal to a process in another (or no) jail through file sigio\""),
        NoNewChannelProperty.Create(BsdjailDesign.Name, "no-abstract-unix-out-of-jail", Jailed, (k, c) => !ChannelClasses.IsAbstractUnix(c) || SameJail(k, c.From, c.To), Source, "\"The next three (socket) hooks prevent a process in a jail from sending data to a abstract unix domain socket which was bound outside the jail.\""),
        NoNewChannelProperty.Create(BsdjailDesign.Name, "no-ipc-out-of-jail", Jailed, (k, c) => c.Kind is not (ChannelKind.SharedMemory or ChannelKind.Ipc) || SameJail(k, c.From, c.To), Source, "\"LSM hooks to limit IPC access\": basic_ipc_security_check refuses a jailed task any object not made in its jail"),
        ProcEntryProperty.Create(BsdjailDesign.Name, "no-proc-pid-of-other-jail", Jailed, SameJail, Source, "jail_proc_inode_permission: \"We check whether <pid> is in the same jail as current. If not, permission is denied.\"; jail_inode_getattr: \"We want getattr to fail on /proc/<pid> to prevent leakage\""),
        TaskLimitProperty.Create(Source, "jail_security_task_create: \"If the current process is in a jail, and that jail is about to exceed a maximum number of processes, then refuse to fork.\""),
        OneAddressProperty.Create(Source, "\"If a network address was passed into /proc/<pid>/attr/exec, then process in its jail will only be allowed to bind/listen to that address.\"; jail_inet4_bind: \"If they try to attach to 127.0.0.1, that is remapped to their own address.\""),
    ];

    /// <summary>The bsdjail module of the kernel's stack, or null when bsdjail is not stacked.</summary>
    public static BsdjailModule? Module(KernelState kernel) => kernel.Security.Modules.OfType<BsdjailModule>().FirstOrDefault();

    /// <summary>Whether <paramref name="a"/> is jailed and <paramref name="b"/> is in the same jail.</summary>
    public static bool SameJail(KernelState kernel, Task a, Task b) =>
        Module(kernel) is { } module && module.JailOf(a) is { InUse: true } jail && jail == module.JailOf(b);
}
