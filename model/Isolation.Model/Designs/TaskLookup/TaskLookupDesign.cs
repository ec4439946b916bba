namespace Isolation.Model.Designs.TaskLookup;

/// <summary>
/// Serge Hallyn's task_lookup hook, with a minimal policy standing for the SELinux one of the
/// posting: a task in a jail domain lists in /proc only the tasks of its own domain.
/// </summary>
/// <remarks>"RFC: jail functionality", seed 001_5a97e7f75b7324ae.txt: security_task_lookup in
/// get_tgid_list, selinux_task_lookup (process:tasklookup), the jail2_t policy; choices in README.md.</remarks>
public static class TaskLookupDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "task-lookup";

    /// <summary>The seed the design follows.</summary>
    public const string Source = "seeds/001_5a97e7f75b7324ae.txt";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "task_lookup hook: a task in a jail domain (set through /proc/self/attr/exec) sees only its own domain's pids in the /proc listing",
        Source,
        () => new TaskLookupModule())
    {
        Entry =
        [
            new("enter-domain", ["openat(AT_FDCWD, \"/proc/self/attr/exec\", O_WRONLY)", "write({r1}, \"jail2\", 5)", "close({r1})", "execve(\"/proc/self/exe\", [\"/proc/self/exe\"], NULL)"]),
        ],
        Rules = [new("task_lookup", DomainRules.TaskLookup), new("setprocattr", DomainRules.Setprocattr)],
    };
}
