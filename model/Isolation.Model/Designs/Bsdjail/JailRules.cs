using Isolation.Model.Abi;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>
/// The decisions of security/bsdjail.c's hooks as rules: the hook code numbers the jails it
/// compares (<see cref="JailIds"/>), reads the jail's flags and addresses, evaluates the rule and
/// acts on it (labels, rewrites and counts stay in the hooks).
/// </summary>
/// <remarks>Seed 000_b30739e92565e0a7.txt, security/bsdjail.c; each rule names the function it is.</remarks>
public static class JailRules
{
    /// <summary>The caller's jail (<c>task-&gt;security</c>), numbered: 0 none, else 1.</summary>
    public static RuleInput CallerJail { get; } = new(Expr.BvVar("caller_jail", 8), InputOwner.Caller);

    /// <summary>Whether the caller's jail is enabled (IN_USE): in_jail().</summary>
    public static RuleInput InJail { get; } = new(Expr.BoolVar("in_jail"), InputOwner.Caller);

    /// <summary>The other task's jail (the tracee, the signal's target), numbered as the caller's.</summary>
    public static RuleInput OtherJail { get; } = new(Expr.BvVar("other_jail", 8), InputOwner.Target);

    /// <summary>The jail label of the object (socket, /proc inode, IPC object, file), numbered as the caller's.</summary>
    public static RuleInput Label { get; } = new(Expr.BvVar("label", 8), InputOwner.Object);

    /// <summary>GOT_IPV4 of the caller's jail.</summary>
    public static RuleInput GotIpv4 { get; } = new(Expr.BoolVar("got_ipv4"), InputOwner.Caller);

    /// <summary>GOT_IPV6 of the caller's jail.</summary>
    public static RuleInput GotIpv6 { get; } = new(Expr.BoolVar("got_ipv6"), InputOwner.Caller);

    /// <summary>addr4 of the caller's jail.</summary>
    public static RuleInput JailIpv4 { get; } = new(Expr.BvVar("jail_ipv4", 32), InputOwner.Caller, "ipv4");

    /// <summary>addr6 of the caller's jail.</summary>
    public static RuleInput JailIpv6 { get; } = new(Expr.BvVar("jail_ipv6", 128), InputOwner.Caller, "ipv6");

    /// <summary>inet-&gt;saddr of an AF_INET socket.</summary>
    public static RuleInput Saddr4 { get; } = new(Expr.BvVar("saddr4", 32), InputOwner.Object, "ipv4");

    /// <summary>inet-&gt;saddr of an AF_INET6 socket.</summary>
    public static RuleInput Saddr6 { get; } = new(Expr.BvVar("saddr6", 128), InputOwner.Object, "ipv6");

    /// <summary>A signal number.</summary>
    public static RuleInput Signal { get; } = new(Expr.BvVar("sig", 32), InputOwner.Argument);

    /// <summary>A capability number.</summary>
    public static RuleInput Cap { get; } = new(Expr.BvVar("cap", 32), InputOwner.Argument);

    /// <summary>The caller's effective uid (kernel id).</summary>
    public static RuleInput Euid { get; } = new(Expr.BvVar("euid", 32), InputOwner.Caller);

    /// <summary>The caller's file-system uid (kernel id).</summary>
    public static RuleInput Fsuid { get; } = new(Expr.BvVar("fsuid", 32), InputOwner.Caller);

    /// <summary>max_nrtask of the caller's jail (0: no limit).</summary>
    public static RuleInput MaxNrTask { get; } = new(Expr.BvVar("max_nrtask", 32), InputOwner.Caller);

    /// <summary>cur_nrtask of the caller's jail.</summary>
    public static RuleInput CurNrTask { get; } = new(Expr.BvVar("cur_nrtask", 32), InputOwner.Caller);

    /// <summary>Whether the inode is a /proc/&lt;pid&gt; directory.</summary>
    public static RuleInput IsProcPid { get; } = new(Expr.BoolVar("is_proc_pid"), InputOwner.Object);

    /// <summary>mknod's mode (type bits S_IFMT and permissions).</summary>
    public static RuleInput Mode { get; } = new(Expr.BvVar("mode", 32), InputOwner.Argument);

    /// <summary>The MAY_READ/MAY_WRITE mask of a sysctl access.</summary>
    public static RuleInput Mask { get; } = new(Expr.BvVar("mask", 32), InputOwner.Argument);

    /// <summary>An IPC *ctl command.</summary>
    public static RuleInput Cmd { get; } = new(Expr.BvVar("cmd", 32), InputOwner.Argument);

    /// <summary>Whether the socket is a kernel-internal one.</summary>
    public static RuleInput Kern { get; } = new(Expr.BoolVar("kern"), InputOwner.Argument);

    /// <summary>What every jail state satisfies: an enabled jail is a jail.</summary>
    public static Expr JailDomain => Expr.Implies(InJail.Var, Expr.Ne(CallerJail.Var, Expr.Bv(0, 8)));

    private static Expr SameJail(RuleInput other) => Expr.Eq(CallerJail.Var, other.Var);

    private static Expr HasAddress => GotIpv4.Var | GotIpv6.Var;

    private static Expr Family(int family) => Expr.Eq(SocketInputs.Family.Var, Expr.Bv((uint)family, 32));

    private static Expr AddrFamily(int family) => Expr.Eq(SocketInputs.AddrFamily.Var, Expr.Bv((uint)family, 32));

    private static Expr Is(Expr v, params int[] values) => Expr.Or([.. values.Select(x => Expr.Eq(v, Expr.Bv((uint)x, 32)))]);

    /// <summary>jail_ptrace: a jailed tracer may trace only a task of its jail (EPERM).</summary>
    public static Rule Ptrace { get; } = new(
        "bsdjail/jail_ptrace",
        Decision.AllowIf(!InJail.Var | SameJail(OtherJail), Errno.EPERM),
        InJail, CallerJail, OtherJail) { Domain = JailDomain };

    /// <summary>jail_task_kill: a jailed sender signals only its jail's tasks (EPERM), except SIGCHLD.</summary>
    public static Rule TaskKill { get; } = new(
        "bsdjail/jail_task_kill",
        Decision.DenyIf(InJail.Var & !SameJail(OtherJail) & Expr.Ne(Signal.Var, Expr.Bv(Signals.Chld, 32)), Errno.EPERM),
        InJail, CallerJail, OtherJail, Signal) { Domain = JailDomain };

    /// <summary>
    /// jail_capable: no CAP_SYS_NICE, CAP_NET_ADMIN, CAP_SYS_MODULE or CAP_SYS_RAWIO in a jail;
    /// then 2.6's superuser rule: a file-system capability needs fsuid 0 (cap_is_fs_cap), any other euid 0.
    /// </summary>
    public static Rule Capable { get; } = new(
        "bsdjail/jail_capable",
        Expr.Ite(
            InJail.Var & Is(Cap.Var, (int)Capability.SysNice, (int)Capability.NetAdmin, (int)Capability.SysModule, (int)Capability.SysRawio),
            Decision.Deny(Errno.EPERM),
            Decision.AllowIf(Expr.Eq(Expr.Ite(IsFsCap, Fsuid.Var, Euid.Var), Expr.Bv(0, 32)), Errno.EPERM)),
        InJail, Cap, Euid, Fsuid);

    /// <summary>CAP_FS_MASK of include/linux/capability.h (6.12).</summary>
    public static Expr IsFsCap => Is(Cap.Var, (int)Capability.Chown, (int)Capability.DacOverride, (int)Capability.DacReadSearch, (int)Capability.Fowner, (int)Capability.Fsetid, (int)Capability.MacOverride);

    /// <summary>jail_security_task_create: a jail at its max_nrtask refuses the fork (EPERM).</summary>
    public static Rule TaskCreate { get; } = new(
        "bsdjail/jail_security_task_create",
        Decision.DenyIf(InJail.Var & Expr.Ne(MaxNrTask.Var, Expr.Bv(0, 32)) & Expr.Ule(MaxNrTask.Var, CurNrTask.Var), Errno.EPERM),
        InJail, MaxNrTask, CurNrTask);

    /// <summary>jail_proc_inode_permission, jail_inode_getattr, jail_inode_getxattr: ENOENT for /proc/&lt;pid&gt; of another (or no) jail.</summary>
    public static Rule ProcPid { get; } = new(
        "bsdjail/generic_procpid_check",
        Decision.DenyIf(InJail.Var & IsProcPid.Var & !SameJail(Label), Errno.ENOENT),
        InJail, CallerJail, IsProcPid, Label) { Domain = JailDomain };

    /// <summary>jail_inode_mknod: no node but a fifo in a jail (EPERM).</summary>
    public static Rule Mknod { get; } = new(
        "bsdjail/jail_inode_mknod",
        Decision.DenyIf(InJail.Var & Expr.Ne(Expr.BvAnd(Mode.Var, Expr.Bv(FileModes.TypeMask, 32)), Expr.Bv(FileModes.Fifo, 32)), Errno.EPERM),
        InJail, Mode)
    {
        // fs/namei.c do_mknodat (6.12): a regular file goes to vfs_create, an unknown type is EINVAL;
        // vfs_mknod, and so inode_mknod, sees only devices, fifos and sockets (unix_bind's node too).
        Domain = Expr.Or([.. new[] { FileModes.CharDevice, FileModes.BlockDevice, FileModes.Fifo, FileModes.Socket }
            .Select(t => Expr.Eq(Expr.BvAnd(Mode.Var, Expr.Bv(FileModes.TypeMask, 32)), Expr.Bv((uint)t, 32)))]),
    };

    /// <summary>jail_mount, jail_umount, jail_task_setrlimit, jail_task_setscheduler: EPERM in a jail.</summary>
    public static Rule InJailRefused { get; } = new(
        "bsdjail/in_jail_refused",
        Decision.DenyIf(InJail.Var, Errno.EPERM),
        InJail);

    /// <summary>jail_sysctl: no sysctl write in a jail (<c>op &amp; 002</c>, EPERM).</summary>
    public static Rule Sysctl { get; } = new(
        "bsdjail/jail_sysctl",
        Decision.DenyIf(InJail.Var & Expr.Ne(Expr.BvAnd(Mask.Var, Expr.Bv(2, 32)), Expr.Bv(0, 32)), Errno.EPERM),
        InJail, Mask);

    /// <summary>basic_ipc_security_check: a jailed task (the caller, or msgrcv's receiver) uses only objects made in its jail (EPERM).</summary>
    public static Rule Ipc { get; } = new(
        "bsdjail/basic_ipc_security_check",
        Decision.DenyIf(InJail.Var & !SameJail(Label), Errno.EPERM),
        InJail, CallerJail, Label) { Domain = JailDomain };

    /// <summary>jail_shm_shmctl: IPC_INFO and SHM_INFO exempt, else the IPC check.</summary>
    public static Rule ShmCtl { get; } = IpcCtl("jail_shm_shmctl", 14);

    /// <summary>jail_msg_queue_msgctl: IPC_INFO and MSG_INFO exempt.</summary>
    public static Rule MsgCtl { get; } = IpcCtl("jail_msg_queue_msgctl", 12);

    /// <summary>jail_sem_semctl: IPC_INFO and SEM_INFO exempt.</summary>
    public static Rule SemCtl { get; } = IpcCtl("jail_sem_semctl", 19);

    /// <summary>jail_file_send_sigiotask: a jailed current's SIGIO reaches only a task whose jail the file's owner-setter had (EPERM).</summary>
    public static Rule Sigio { get; } = new(
        "bsdjail/jail_file_send_sigiotask",
        Decision.DenyIf(InJail.Var & Expr.Ne(Label.Var, OtherJail.Var), Errno.EPERM),
        InJail, CallerJail, Label, OtherJail) { Domain = JailDomain };

    /// <summary>jail_socket_unix_stream_connect, jail_socket_unix_may_send: the sender's task-&gt;security must be the receiving socket's label (EPERM).</summary>
    public static Rule UnixPeer { get; } = new(
        "bsdjail/jail_socket_unix_peer",
        Decision.AllowIf(SameJail(Label), Errno.EPERM),
        InJail, CallerJail, Label)
    {
        // Only jail_socket_bind labels a socket, and only with an enabled jail: a label that is the caller's jail means the caller is in it.
        Domain = JailDomain & Expr.Implies(Expr.Ne(Label.Var, Expr.Bv(0, 8)) & SameJail(Label), InJail.Var),
    };

    /// <summary>Whether the attr file written is <c>exec</c>.</summary>
    public static RuleInput IsExecFile { get; } = new(Expr.BoolVar("is_exec_file"), InputOwner.Argument);

    /// <summary>jail_setprocattr's first checks: EINVAL in a jail ("let them guess why"), EPERM for any file but <c>exec</c>.</summary>
    public static Rule Setprocattr { get; } = new(
        "bsdjail/jail_setprocattr",
        Expr.Ite(InJail.Var, Decision.Deny(Errno.EINVAL), Decision.AllowIf(IsExecFile.Var, Errno.EPERM)),
        InJail, IsExecFile);

    /// <summary>jail_socket_create: "If locked in an ipv6 jail, don't let them use ipv4, and vice versa" (EPERM); kernel sockets pass.</summary>
    public static Rule SocketCreate { get; } = new(
        "bsdjail/jail_socket_create",
        Decision.DenyIf(!Kern.Var & InJail.Var & HasAddress & ((Family(SocketAbi.AfInet) & !GotIpv4.Var) | (Family(SocketAbi.AfInet6) & !GotIpv6.Var)), Errno.EPERM),
        SocketInputs.Family, Kern, InJail, GotIpv4, GotIpv6);

    /// <summary>
    /// jail_socket_bind with jail_inet4_bind and jail_inet6_bind: in a jail with an address, an
    /// IPv4 bind must name the jail's address, 127.0.0.1 or INADDR_ANY, an IPv6 bind the jail's
    /// address or ::1, and a family without a jail address is refused (EPERM). Unix sockets pass.
    /// </summary>
    public static Rule SocketBind { get; } = new(
        "bsdjail/jail_socket_bind",
        Decision.DenyIf(
            InJail.Var & Expr.Ne(SocketInputs.Family.Var, Expr.Bv(SocketAbi.AfUnix, 32)) & HasAddress
            & ((AddrFamily(SocketAbi.AfInet) & (!GotIpv4.Var | !Is32(SocketInputs.Ipv4.Var, JailIpv4.Var, Expr.Bv(0x7F000001, 32), Expr.Bv(0, 32))))
               | (AddrFamily(SocketAbi.AfInet6) & (!GotIpv6.Var | !(Expr.Eq(SocketInputs.Ipv6.Var, JailIpv6.Var) | Expr.Eq(SocketInputs.Ipv6.Var, Expr.Bv(1, 128)))))),
            Errno.EPERM),
        SocketInputs.Family, SocketInputs.AddrFamily, SocketInputs.Ipv4, SocketInputs.Ipv6, InJail, GotIpv4, GotIpv6, JailIpv4, JailIpv6);

    /// <summary>jail_inet6_bind's <c>ipv6_addr_copy(sin6_addr, jailaddr)</c>: whether an allowed bind to ::1 binds the jail's IPv6 address instead.</summary>
    public static Rule RemapsLoopback6 { get; } = new(
        "bsdjail/jail_inet6_bind_remap",
        InJail.Var & Expr.Ne(SocketInputs.Family.Var, Expr.Bv(SocketAbi.AfUnix, 32)) & HasAddress & AddrFamily(SocketAbi.AfInet6) & GotIpv6.Var
            & Expr.Ne(SocketInputs.Ipv6.Var, JailIpv6.Var) & Expr.Eq(SocketInputs.Ipv6.Var, Expr.Bv(1, 128)),
        SocketInputs.Family, SocketInputs.AddrFamily, SocketInputs.Ipv6, InJail, GotIpv4, GotIpv6, JailIpv6);

    /// <summary>jail_socket_listen: in a jail with an address, an inet socket listens only if inet-&gt;saddr is the jail's address (EPERM).</summary>
    public static Rule SocketListen { get; } = new(
        "bsdjail/jail_socket_listen",
        Decision.DenyIf(
            InJail.Var & HasAddress
            & ((Family(SocketAbi.AfInet) & Expr.Ne(Saddr4.Var, JailIpv4.Var)) | (Family(SocketAbi.AfInet6) & Expr.Ne(Saddr6.Var, JailIpv6.Var))),
            Errno.EPERM),
        SocketInputs.Family, Saddr4, Saddr6, InJail, GotIpv4, GotIpv6, JailIpv4, JailIpv6);

    private static Expr Is32(Expr v, params Expr[] values) => Expr.Or([.. values.Select(x => Expr.Eq(v, x))]);

    // IPC_INFO (3) and the object's *_INFO command pass; any other command is basic_ipc_security_check.
    private static Rule IpcCtl(string name, int info) => new(
        $"bsdjail/{name}",
        Expr.Ite(Is(Cmd.Var, 3, info), Decision.Allow, Ipc.Body),
        InJail, CallerJail, Label, Cmd) { Domain = JailDomain };
}
