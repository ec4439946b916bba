using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.Bsdjail;
using Isolation.Model.Rules;
using Isolation.Properties.Stated;

namespace Isolation.Properties.Designs.Bsdjail;

/// <summary>
/// bsdjail's claims, hook by hook, as stated rules over the inputs of <see cref="JailRules"/>:
/// the comments of the posting (the thread has no review of it) and, where the posting has none,
/// the BRIEF's description of what the jail confines.
/// </summary>
/// <remarks>Seed 000_b30739e92565e0a7.txt, security/bsdjail.c.</remarks>
public static class BsdjailStatedRules
{
    private const string Source = BsdjailDesign.Source;

    private static Expr InJail => JailRules.InJail.Var;

    private static Expr OtherJailDiffers => Expr.Ne(JailRules.CallerJail.Var, JailRules.OtherJail.Var);

    private static Expr LabelDiffers => Expr.Ne(JailRules.CallerJail.Var, JailRules.Label.Var);

    /// <summary>The stated rules.</summary>
    public static ImmutableArray<StatedRule> All { get; } =
    [
        .. new[] { "ptrace_access_check", "ptrace_traceme" }.Select(hook => Stated(hook, "no-ptrace-out-of-jail", "process in jail may not ptrace process not in the same jail", InJail & OtherJailDiffers)),
        Stated("task_kill", "no-signal-out-of-jail", "process in jail may not send signal to process not in the same jail", InJail & OtherJailDiffers),
        Stated(
            "capable",
            "no-nice-netadmin-modules",
            "process in jail may not: use nice, change network config, load/unload modules (with 2.6's superuser rule: euid 0, fsuid 0 for file-system capabilities)",
            (InJail & Is(JailRules.Cap.Var, (int)Capability.SysNice, (int)Capability.NetAdmin, (int)Capability.SysModule))
            | Expr.Ne(Expr.Ite(JailRules.IsFsCap, JailRules.Fsuid.Var, JailRules.Euid.Var), Expr.Bv(0, 32))),
        Stated(
            "task_alloc",
            "task-limit",
            "If the current process is in a jail, and that jail is about to exceed a maximum number of processes, then refuse to fork.",
            InJail & Expr.Ne(JailRules.MaxNrTask.Var, Expr.Bv(0, 32)) & Expr.Ule(JailRules.MaxNrTask.Var, JailRules.CurNrTask.Var)),
        .. new[] { "inode_permission", "inode_getattr", "inode_getxattr" }.Select(hook => Stated(
            hook,
            "proc-pid-of-other-jail",
            "We check whether <pid> is in the same jail as current. If not, permission is denied.",
            InJail & JailRules.IsProcPid.Var & LabelDiffers)),
        Stated(
            "inode_mknod",
            "no-devices",
            "Process in jail may not create devices (Thanks to Brad Spender for pointing out fifos should be allowed.)",
            InJail & Is(Expr.BvAnd(JailRules.Mode.Var, Expr.Bv(FileModes.TypeMask, 32)), FileModes.CharDevice, FileModes.BlockDevice)),
        .. new[] { "sb_mount", "sb_umount" }.Select(hook => Stated(hook, "no-mount", "BRIEF: bsdjail confines … mount", InJail)),
        .. new[] { "task_setrlimit", "task_setscheduler" }.Select(hook => Stated(hook, "no-rlimit-sched", "LSM hooks to limit jailed process' abilities to muck with resource limits", InJail)),
        Stated("sysctl", "no-sysctl-write", "BRIEF: bsdjail confines … sysctl writes", InJail & Expr.Ne(Expr.BvAnd(JailRules.Mask.Var, Expr.Bv(2, 32)), Expr.Bv(0, 32))),
        .. BsdjailDesign.IpcHooks.Concat(["shm_shmctl", "msg_queue_msgctl", "sem_semctl"]).Select(hook => Stated(
            hook,
            "ipc-in-jail",
            "LSM hooks to limit IPC access: a jailed task uses only the SysV objects made in its jail",
            InJail & LabelDiffers)),
        Stated(
            "file_send_sigiotask",
            "no-sigio-out-of-jail",
            "Forbid a process in a jail from sending a signal to a process in another (or no) jail through file sigio.",
            InJail & OtherJailDiffers),
        .. new[] { "unix_stream_connect", "unix_may_send" }.Select(hook => Stated(
            hook,
            "abstract-unix-in-jail",
            "prevent a process in a jail from sending data to a abstract unix domain socket which was bound outside the jail … we deny sends both from unjailed to jailed, and from jailed to unjailed",
            Expr.Ne(Expr.Ite(InJail, JailRules.CallerJail.Var, Expr.Bv(0, 8)), JailRules.Label.Var))),
        Stated(
            "socket_create",
            "one-family",
            "If locked in an ipv6 jail, don't let them use ipv4, and vice versa",
            !JailRules.Kern.Var & InJail
            & ((Is(SocketInputs.Family.Var, SocketAbi.AfInet) & JailRules.GotIpv6.Var & !JailRules.GotIpv4.Var)
               | (Is(SocketInputs.Family.Var, SocketAbi.AfInet6) & JailRules.GotIpv4.Var & !JailRules.GotIpv6.Var))),
        Stated(
            "socket_bind",
            "one-address",
            "process in jail may only use one (aliased) ip address. If they try to attach to 127.0.0.1, that is remapped to their own address. If some other address (and not their own), deny permission",
            InJail & !Is(SocketInputs.Family.Var, SocketAbi.AfUnix) & (JailRules.GotIpv4.Var | JailRules.GotIpv6.Var)
            & ((Is(SocketInputs.AddrFamily.Var, SocketAbi.AfInet)
                & (!JailRules.GotIpv4.Var | !(Expr.Eq(SocketInputs.Ipv4.Var, JailRules.JailIpv4.Var) | Expr.Eq(SocketInputs.Ipv4.Var, Expr.Bv(0x7F000001, 32)))))
               | (Is(SocketInputs.AddrFamily.Var, SocketAbi.AfInet6)
                  & (!JailRules.GotIpv6.Var | !(Expr.Eq(SocketInputs.Ipv6.Var, JailRules.JailIpv6.Var) | Expr.Eq(SocketInputs.Ipv6.Var, Expr.Bv(1, 128))))))),
        Stated(
            "socket_listen",
            "listen-on-jail-address",
            "If a network address was passed into /proc/<pid>/attr/exec, then process in its jail will only be allowed to bind/listen to that address.",
            InJail & (JailRules.GotIpv4.Var | JailRules.GotIpv6.Var)
            & ((Is(SocketInputs.Family.Var, SocketAbi.AfInet) & Expr.Ne(JailRules.Saddr4.Var, JailRules.JailIpv4.Var))
               | (Is(SocketInputs.Family.Var, SocketAbi.AfInet6) & Expr.Ne(JailRules.Saddr6.Var, JailRules.JailIpv6.Var)))),
    ];

    /// <summary>The IPv6 remap: "If they try to attach to [the loopback address], that is remapped to their own address."</summary>
    public static StatedInvariant Remap { get; } = new(
        BsdjailDesign.Name,
        $"{BsdjailDesign.Name}/loopback6-remapped",
        "socket_bind_address",
        Source,
        "If they try to attach to 127.0.0.1, that is remapped to their own address (jail_inet6_bind, for ::1)",
        Expr.Implies(
            InJail & !Is(SocketInputs.Family.Var, SocketAbi.AfUnix) & Is(SocketInputs.AddrFamily.Var, SocketAbi.AfInet6) & JailRules.GotIpv6.Var
            & Expr.Eq(SocketInputs.Ipv6.Var, Expr.Bv(1, 128)) & Expr.Ne(JailRules.JailIpv6.Var, Expr.Bv(1, 128)),
            JailRules.RemapsLoopback6.Body));

    /// <summary>"assuming you're not already in a jail": a jailed task cannot reconfigure its jail, so its confinement only stays.</summary>
    public static StatedInvariant NoReconfiguration { get; } = new(
        BsdjailDesign.Name,
        $"{BsdjailDesign.Name}/no-reconfiguration-in-jail",
        "setprocattr",
        Source,
        "These values will be used on the next exec() to set up your jail (assuming you're not already in a jail)",
        Expr.Implies(InJail, Decision.Denies(JailRules.Setprocattr.Body)))
    {
        IsMonotonicity = true,
    };

    private static StatedRule Stated(string hook, string claim, string quote, Expr denies) =>
        new(BsdjailDesign.Name, $"{BsdjailDesign.Name}/{claim}", hook, Source, quote, denies);

    private static Expr Is(Expr v, params int[] values) => Expr.Or([.. values.Select(x => Expr.Eq(v, Expr.Bv((uint)x, 32)))]);
}
