using System.Collections.Immutable;
using Isolation.Model.Rules;

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

    /// <summary>The IPC hooks whose only decision is basic_ipc_security_check.</summary>
    public static ImmutableArray<string> IpcHooks { get; } =
        ["ipc_permission", "shm_associate", "shm_shmat", "msg_queue_associate", "msg_queue_msgsnd", "msg_queue_msgrcv", "sem_associate", "sem_semop"];

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
        Rules =
        [
            new("ptrace_access_check", JailRules.Ptrace),
            new("ptrace_traceme", JailRules.Ptrace),
            new("task_kill", JailRules.TaskKill),
            new("capable", JailRules.Capable),
            new("task_alloc", JailRules.TaskCreate),
            new("task_setrlimit", JailRules.InJailRefused),
            new("task_setscheduler", JailRules.InJailRefused),
            new("inode_permission", JailRules.ProcPid),
            new("inode_getattr", JailRules.ProcPid),
            new("inode_getxattr", JailRules.ProcPid),
            new("inode_mknod", JailRules.Mknod),
            new("sb_mount", JailRules.InJailRefused),
            new("sb_umount", JailRules.InJailRefused),
            new("sysctl", JailRules.Sysctl),
            .. IpcHooks.Select(hook => new HookRule(hook, JailRules.Ipc)),
            new("shm_shmctl", JailRules.ShmCtl),
            new("msg_queue_msgctl", JailRules.MsgCtl),
            new("sem_semctl", JailRules.SemCtl),
            new("file_send_sigiotask", JailRules.Sigio),
            new("unix_stream_connect", JailRules.UnixPeer),
            new("unix_may_send", JailRules.UnixPeer),
            new("socket_create", JailRules.SocketCreate),
            new("socket_bind", JailRules.SocketBind),
            new("socket_bind_address", JailRules.RemapsLoopback6),
            new("socket_listen", JailRules.SocketListen),
            new("setprocattr", JailRules.Setprocattr),
        ],
    };
}
