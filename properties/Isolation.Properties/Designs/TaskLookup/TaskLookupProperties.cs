using System.Collections.Immutable;
using Isolation.Model.Designs.TaskLookup;
using Isolation.Model.Kernel;
using Isolation.Properties.Kinds;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Properties.Designs.TaskLookup;

/// <summary>The claims of the task_lookup hook and its jail policy.</summary>
/// <remarks>Seed 001_5a97e7f75b7324ae.txt, "RFC: jail functionality".</remarks>
public static class TaskLookupProperties
{
    /// <summary>The seed every claim comes from.</summary>
    public const string Source = "seeds/001_5a97e7f75b7324ae.txt";

    /// <summary>In a jail domain (not unconfined).</summary>
    public static Restriction InDomain { get; } = new("in a jail domain", (kernel, task) => Module(kernel)?.DomainOf(task).Current is not null);

    /// <summary>The design's properties.</summary>
    public static ImmutableArray<Property> All { get; } =
    [
        HiddenFromListingProperty.Create(Source, "the jail needs \"task-hiding ability (see attached patches)\"; get_tgid_list: \"if (security_task_lookup(p)) continue;\""),
        ProcEntryProperty.Create(TaskLookupDesign.Name, "no-proc-entry-of-other-domain", InDomain, MaySee, Source, "@task_lookup: \"Check permission to see the /proc/<pid> entry for process @p.\""),
        IrrevocableProperty.Create(TaskLookupDesign.Name, InDomain, Source, "policy: \"allow jail2_t jail2_t:process ~{ setsched setexec setfscreate dyntransition setcurrent setrlimit rlimitinh }\" (no way out of the domain)"),
        InheritedProperty.Create(TaskLookupDesign.Name, InDomain, Source, "selinux_task_alloc_security: the child keeps its parent's SID (the policy confines a domain, not a task)"),
    ];

    /// <summary>The task-lookup module of the kernel's stack, or null when it is not stacked.</summary>
    public static TaskLookupModule? Module(KernelState kernel) => kernel.Security.Modules.OfType<TaskLookupModule>().FirstOrDefault();

    /// <summary>The policy's tasklookup rule: an unconfined task sees all, a domain its own domain.</summary>
    public static bool MaySee(KernelState kernel, Task task, Task target) =>
        Module(kernel) is not { } module || module.DomainOf(task).Current is not { } domain || domain == module.DomainOf(target).Current;
}
