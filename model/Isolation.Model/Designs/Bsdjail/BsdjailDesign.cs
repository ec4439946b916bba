namespace Isolation.Model.Designs.Bsdjail;

/// <summary>
/// Serge Hallyn's bsdjail LSM: jails configured through /proc/self/attr/exec and entered at the
/// next exec, with one IPv4/IPv6 address, a task limit, nice and rlimits, and confinement of
/// sockets, abstract unix sockets, ptrace, signals, SIGIO, SysV IPC, /proc/&lt;pid&gt;, mount,
/// mknod, capabilities and sysctl writes.
/// </summary>
/// <remarks>"[PATCH 1/1] bsdjail: define bsdjail lsm", seeds 000_b30739e92565e0a7.txt (whole) and
/// 003_d7bf0fbfcfcc4031.txt (cut after jail_task_free_security); porting notes in README.md.</remarks>
public static class BsdjailDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "bsdjail";

    /// <summary>The seed the design follows.</summary>
    public const string Source = "seeds/000_b30739e92565e0a7.txt";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "BSD jail LSM: /proc/self/attr/exec jails with one address, task limit, nice, rlimits; confines sockets, abstract unix, ptrace, signals, IPC, /proc/<pid>, mount, mknod, capabilities",
        Source,
        () => new BsdjailModule())
    {
        Entry =
        [
            new("enter-jail", ["openat(AT_FDCWD, \"/proc/self/attr/exec\", O_WRONLY)", "write({r1}, \"lock\", 4)", "close({r1})", "execve(\"/proc/self/exe\", [\"/proc/self/exe\"], NULL)"]),
            new("enter-jail-with-address", ["openat(AT_FDCWD, \"/proc/self/attr/exec\", O_WRONLY)", "write({r1}, \"ip 127.0.0.1\", 12)", "write({r1}, \"lock\", 4)", "close({r1})", "execve(\"/proc/self/exe\", [\"/proc/self/exe\"], NULL)"]),
        ],
    };
}
