namespace Isolation.Model.Abi;

/// <summary>clone(2), clone3(2) and unshare(2) flags as Linux numbers them.</summary>
/// <remarks>include/uapi/linux/sched.h (6.12).</remarks>
public static class CloneFlags
{
    /// <summary>CSIGNAL: the low byte of clone's flags is the exit signal.</summary>
    public const long ExitSignalMask = 0xff;
    /// <summary>CLONE_NEWTIME</summary>
    public const long NewTime = 0x80;
    /// <summary>CLONE_VM</summary>
    public const long Vm = 0x100;
    /// <summary>CLONE_FS</summary>
    public const long Fs = 0x200;
    /// <summary>CLONE_FILES</summary>
    public const long Files = 0x400;
    /// <summary>CLONE_SIGHAND</summary>
    public const long Sighand = 0x800;
    /// <summary>CLONE_PIDFD</summary>
    public const long Pidfd = 0x1000;
    /// <summary>CLONE_PTRACE</summary>
    public const long Ptrace = 0x2000;
    /// <summary>CLONE_VFORK</summary>
    public const long Vfork = 0x4000;
    /// <summary>CLONE_PARENT</summary>
    public const long Parent = 0x8000;
    /// <summary>CLONE_THREAD</summary>
    public const long Thread = 0x10000;
    /// <summary>CLONE_NEWNS</summary>
    public const long NewNs = 0x20000;
    /// <summary>CLONE_SYSVSEM</summary>
    public const long Sysvsem = 0x40000;
    /// <summary>CLONE_SETTLS</summary>
    public const long Settls = 0x80000;
    /// <summary>CLONE_PARENT_SETTID</summary>
    public const long ParentSettid = 0x100000;
    /// <summary>CLONE_CHILD_CLEARTID</summary>
    public const long ChildCleartid = 0x200000;
    /// <summary>CLONE_DETACHED</summary>
    public const long Detached = 0x400000;
    /// <summary>CLONE_UNTRACED</summary>
    public const long Untraced = 0x800000;
    /// <summary>CLONE_CHILD_SETTID</summary>
    public const long ChildSettid = 0x1000000;
    /// <summary>CLONE_NEWCGROUP</summary>
    public const long NewCgroup = 0x2000000;
    /// <summary>CLONE_NEWUTS</summary>
    public const long NewUts = 0x4000000;
    /// <summary>CLONE_NEWIPC</summary>
    public const long NewIpc = 0x8000000;
    /// <summary>CLONE_NEWUSER</summary>
    public const long NewUser = 0x10000000;
    /// <summary>CLONE_NEWPID</summary>
    public const long NewPid = 0x20000000;
    /// <summary>CLONE_NEWNET</summary>
    public const long NewNet = 0x40000000;
    /// <summary>CLONE_IO</summary>
    public const long Io = 0x80000000;

    /// <summary>The namespace flags other than CLONE_NEWUSER: each needs CAP_SYS_ADMIN over the (new) user namespace.</summary>
    public const long NamespacesButUser = NewNs | NewUts | NewIpc | NewPid | NewNet | NewCgroup | NewTime;

    /// <summary>The flags unshare(2) accepts (check_unshare_flags).</summary>
    public const long UnshareAllowed = Thread | Fs | NewNs | Sighand | Vm | Files | Sysvsem | NewUts | NewIpc | NewNet | NewUser | NewPid | NewCgroup | NewTime;

    /// <summary>The CLONE_* names strace prints; for clone(2), the exit signal (<c>SIGCHLD</c>) is or'ed in by name too.</summary>
    public static readonly SymbolTable Table = new(
        "clone flag",
        [
            ("CLONE_VM", Vm), ("CLONE_FS", Fs), ("CLONE_FILES", Files), ("CLONE_SIGHAND", Sighand),
            ("CLONE_PIDFD", Pidfd), ("CLONE_PTRACE", Ptrace), ("CLONE_VFORK", Vfork), ("CLONE_PARENT", Parent),
            ("CLONE_THREAD", Thread), ("CLONE_NEWNS", NewNs), ("CLONE_SYSVSEM", Sysvsem), ("CLONE_SETTLS", Settls),
            ("CLONE_PARENT_SETTID", ParentSettid), ("CLONE_CHILD_CLEARTID", ChildCleartid),
            ("CLONE_DETACHED", Detached), ("CLONE_UNTRACED", Untraced), ("CLONE_CHILD_SETTID", ChildSettid),
            ("CLONE_NEWCGROUP", NewCgroup), ("CLONE_NEWUTS", NewUts), ("CLONE_NEWIPC", NewIpc),
            ("CLONE_NEWUSER", NewUser), ("CLONE_NEWPID", NewPid), ("CLONE_NEWNET", NewNet), ("CLONE_IO", Io),
            ("CLONE_NEWTIME", NewTime),
            .. Signals.Names,
        ]);
}
