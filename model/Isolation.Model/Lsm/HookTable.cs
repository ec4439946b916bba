namespace Isolation.Model.Lsm;

/// <summary>
/// Every LSM hook the model calls, each a list of the stacked modules' functions in stacking order.
/// Designs add to it in <see cref="SecurityModule.Register"/>; <see cref="SecurityHooks"/> calls it.
/// </summary>
/// <remarks>include/linux/lsm_hook_defs.h (6.12), plus <c>task_lookup</c> and <c>sysctl</c> from the seeds.</remarks>
public sealed class HookTable
{
    /// <summary><c>socket_create</c></summary>
    public HookList<SocketCreateHook> SocketCreate { get; } = new("socket_create");

    /// <summary>
    /// <c>socket_create_inline</c>, a model hook point for code a design put inline in net/socket.c
    /// __sock_create right after security_socket_create (seed 004: RLIMIT_NETWORK, PR_SET_NETWORK v2);
    /// <see cref="SecurityHooks.SocketCreate"/> runs it after every module's socket_create.
    /// </summary>
    public HookList<SocketCreateHook> SocketCreateInline { get; } = new("socket_create_inline");

    /// <summary><c>socket_post_create</c></summary>
    public HookList<SocketPostCreateHook> SocketPostCreate { get; } = new("socket_post_create");

    /// <summary><c>socket_socketpair</c></summary>
    public HookList<SocketPairHook> SocketSocketpair { get; } = new("socket_socketpair");

    /// <summary><c>socket_bind</c></summary>
    public HookList<SocketAddressHook> SocketBind { get; } = new("socket_bind");

    /// <summary>
    /// <c>socket_bind_address</c>, a model hook point: security_socket_bind's hooks get the kernel's
    /// copy of the address and may write to it (bsdjail's jail_inet6_bind remaps ::1); the bind
    /// calls this after security_socket_bind allowed it, and binds the address it returns.
    /// </summary>
    public HookList<SocketBindAddressHook> SocketBindAddress { get; } = new("socket_bind_address");

    /// <summary><c>socket_connect</c></summary>
    public HookList<SocketAddressHook> SocketConnect { get; } = new("socket_connect");

    /// <summary>
    /// <c>socket_bind_inline</c> and <c>socket_connect_inline</c>, model hook points for code a design
    /// put inline in net/socket.c right after security_socket_bind (__sys_bind_socket) and
    /// security_socket_connect (__sys_connect_file) (seed 004); run by
    /// <see cref="SecurityHooks.SocketBind"/> and <see cref="SecurityHooks.SocketConnect"/> after every module's hook.
    /// </summary>
    public HookList<SocketAddressHook> SocketBindInline { get; } = new("socket_bind_inline");

    /// <summary><c>socket_connect_inline</c>: see <see cref="SocketBindInline"/>.</summary>
    public HookList<SocketAddressHook> SocketConnectInline { get; } = new("socket_connect_inline");

    /// <summary>
    /// <c>socket_bind</c> for modules that read the address length and the family as written
    /// (<see cref="SocketUserAddressHook"/>); security_socket_bind (<see cref="SecurityHooks"/>) runs these
    /// and the <see cref="SocketBind"/> entries together, in stacking order.
    /// </summary>
    public HookList<SocketUserAddressHook> SocketBindAddrlen { get; } = new("socket_bind_addrlen");

    /// <summary><c>socket_connect</c> with the address length: see <see cref="SocketBindAddrlen"/>.</summary>
    public HookList<SocketUserAddressHook> SocketConnectAddrlen { get; } = new("socket_connect_addrlen");

    /// <summary><c>socket_listen</c></summary>
    public HookList<SocketListenHook> SocketListen { get; } = new("socket_listen");

    /// <summary><c>socket_accept</c></summary>
    public HookList<SocketAcceptHook> SocketAccept { get; } = new("socket_accept");

    /// <summary>
    /// <c>socket_post_accept</c>: a model hook point, not an LSM hook of 6.12. It stands for the
    /// socket-table design's inline check in net/socket.c do_accept after ops->accept (the place of
    /// 2.6's void socket_post_accept): the connection is dequeued and its peer known; an error
    /// releases the new socket and fails accept with it.
    /// </summary>
    public HookList<SocketAcceptHook> SocketPostAccept { get; } = new("socket_post_accept");

    /// <summary><c>socket_sendmsg</c></summary>
    public HookList<SocketSendmsgHook> SocketSendmsg { get; } = new("socket_sendmsg");

    /// <summary>
    /// <c>socket_sendmsg_inline</c>, a model hook point for code a design put inline in net/socket.c
    /// __sock_sendmsg right after security_socket_sendmsg (seed 004); run by
    /// <see cref="SecurityHooks.SocketSendmsg"/> after every module's socket_sendmsg.
    /// </summary>
    public HookList<SocketSendmsgHook> SocketSendmsgInline { get; } = new("socket_sendmsg_inline");

    /// <summary><c>socket_recvmsg</c></summary>
    public HookList<SocketRecvmsgHook> SocketRecvmsg { get; } = new("socket_recvmsg");

    /// <summary><c>unix_stream_connect</c></summary>
    public HookList<UnixStreamConnectHook> UnixStreamConnect { get; } = new("unix_stream_connect");

    /// <summary><c>unix_may_send</c></summary>
    public HookList<UnixMaySendHook> UnixMaySend { get; } = new("unix_may_send");

    /// <summary>
    /// <c>unix_address_check</c>, a model hook point for code a design put inline in
    /// net/unix/af_unix.c (seed 004: RLIMIT_NETWORK, PR_SET_NETWORK v2) right after
    /// unix_validate_addr accepted a named address, in unix_bind (not autobind), unix_dgram_connect
    /// (not AF_UNSPEC), unix_stream_connect and unix_dgram_sendmsg (with msg_name): before any
    /// lookup, autobind or bind. The af_unix model calls <see cref="SecurityHooks.UnixAddressCheck"/> there.
    /// </summary>
    public HookList<UnixAddressCheckHook> UnixAddressCheck { get; } = new("unix_address_check");

    /// <summary><c>ptrace_access_check</c></summary>
    public HookList<PtraceAccessCheckHook> PtraceAccessCheck { get; } = new("ptrace_access_check");

    /// <summary>
    /// <c>ptrace_may_access_inline</c>, a model hook point for code a design put inline in
    /// kernel/ptrace.c __ptrace_may_access after the dumpable check, right before
    /// security_ptrace_access_check (seed 004); <see cref="SecurityHooks.PtraceAccessCheck"/> runs it
    /// before every module's ptrace_access_check.
    /// </summary>
    public HookList<PtraceAccessCheckHook> PtraceMayAccessInline { get; } = new("ptrace_may_access_inline");

    /// <summary><c>ptrace_traceme</c></summary>
    public HookList<PtraceTracemeHook> PtraceTraceme { get; } = new("ptrace_traceme");

    /// <summary><c>task_kill</c></summary>
    public HookList<TaskKillHook> TaskKill { get; } = new("task_kill");

    /// <summary><c>task_alloc</c></summary>
    public HookList<TaskAllocHook> TaskAlloc { get; } = new("task_alloc");

    /// <summary><c>task_free</c></summary>
    public HookList<TaskNotifyHook> TaskFree { get; } = new("task_free");

    /// <summary><c>bprm_creds_for_exec</c></summary>
    public HookList<BprmCheckHook> BprmCredsForExec { get; } = new("bprm_creds_for_exec");

    /// <summary><c>bprm_check_security</c></summary>
    public HookList<BprmCheckHook> BprmCheckSecurity { get; } = new("bprm_check_security");

    /// <summary><c>bprm_creds_from_file</c>: the new credentials are computed (set-id bits, file capabilities); refuse before the point of no return.</summary>
    public HookList<BprmCheckHook> BprmCredsFromFile { get; } = new("bprm_creds_from_file");

    /// <summary><c>bprm_committing_creds</c></summary>
    public HookList<BprmCommitHook> BprmCommittingCreds { get; } = new("bprm_committing_creds");

    /// <summary><c>bprm_committed_creds</c></summary>
    public HookList<BprmCommitHook> BprmCommittedCreds { get; } = new("bprm_committed_creds");

    /// <summary><c>capable</c></summary>
    public HookList<CapableHook> Capable { get; } = new("capable");

    /// <summary><c>inode_permission</c></summary>
    public HookList<InodePermissionHook> InodePermission { get; } = new("inode_permission");

    /// <summary><c>inode_getattr</c></summary>
    public HookList<InodeGetattrHook> InodeGetattr { get; } = new("inode_getattr");

    /// <summary><c>inode_getxattr</c></summary>
    public HookList<InodeGetxattrHook> InodeGetxattr { get; } = new("inode_getxattr");

    /// <summary><c>task_to_inode</c></summary>
    public HookList<TaskToInodeHook> TaskToInode { get; } = new("task_to_inode");

    /// <summary><c>task_lookup</c></summary>
    public HookList<TaskLookupHook> TaskLookup { get; } = new("task_lookup");

    /// <summary><c>inode_mknod</c></summary>
    public HookList<InodeMknodHook> InodeMknod { get; } = new("inode_mknod");

    /// <summary><c>sb_mount</c></summary>
    public HookList<SbMountHook> SbMount { get; } = new("sb_mount");

    /// <summary><c>sb_umount</c></summary>
    public HookList<SbUmountHook> SbUmount { get; } = new("sb_umount");

    /// <summary><c>sysctl</c></summary>
    public HookList<SysctlHook> Sysctl { get; } = new("sysctl");

    /// <summary><c>task_setrlimit</c></summary>
    public HookList<TaskSetrlimitHook> TaskSetrlimit { get; } = new("task_setrlimit");

    /// <summary>
    /// <c>rlimit_resource</c>, a model hook point for a design that adds a resource limit (seed 004's
    /// RLIMIT_NETWORK raises RLIM_NLIMITS and adds an INIT_RLIMITS entry): the boot value of a
    /// resource at or above <see cref="Abi.Rlimits.Count"/>, or null when no module defines it (EINVAL).
    /// </summary>
    public HookList<RlimitResourceHook> RlimitResource { get; } = new("rlimit_resource");

    /// <summary><c>task_setnice</c></summary>
    public HookList<TaskSetniceHook> TaskSetnice { get; } = new("task_setnice");

    /// <summary><c>task_setscheduler</c></summary>
    public HookList<TaskSetschedulerHook> TaskSetscheduler { get; } = new("task_setscheduler");

    /// <summary><c>task_prctl</c></summary>
    public HookList<TaskPrctlHook> TaskPrctl { get; } = new("task_prctl");

    /// <summary><c>getprocattr</c></summary>
    public HookList<GetprocattrHook> Getprocattr { get; } = new("getprocattr");

    /// <summary><c>setprocattr</c></summary>
    public HookList<SetprocattrHook> Setprocattr { get; } = new("setprocattr");

    /// <summary><c>file_open</c></summary>
    public HookList<FileHook> FileOpen { get; } = new("file_open");

    /// <summary><c>file_set_fowner</c></summary>
    public HookList<FileHook> FileSetFowner { get; } = new("file_set_fowner");

    /// <summary><c>file_send_sigiotask</c></summary>
    public HookList<FileSendSigiotaskHook> FileSendSigiotask { get; } = new("file_send_sigiotask");

    /// <summary><c>ipc_permission</c></summary>
    public HookList<IpcPermissionHook> IpcPermission { get; } = new("ipc_permission");

    /// <summary><c>shm_alloc</c></summary>
    public HookList<IpcAllocHook> ShmAlloc { get; } = new("shm_alloc");

    /// <summary><c>shm_associate</c></summary>
    public HookList<IpcFlagHook> ShmAssociate { get; } = new("shm_associate");

    /// <summary><c>shm_shmctl</c></summary>
    public HookList<IpcFlagHook> ShmShmctl { get; } = new("shm_shmctl");

    /// <summary><c>shm_shmat</c></summary>
    public HookList<IpcFlagHook> ShmShmat { get; } = new("shm_shmat");

    /// <summary><c>msg_queue_alloc</c></summary>
    public HookList<IpcAllocHook> MsgQueueAlloc { get; } = new("msg_queue_alloc");

    /// <summary><c>msg_queue_associate</c></summary>
    public HookList<IpcFlagHook> MsgQueueAssociate { get; } = new("msg_queue_associate");

    /// <summary><c>msg_queue_msgctl</c></summary>
    public HookList<IpcFlagHook> MsgQueueMsgctl { get; } = new("msg_queue_msgctl");

    /// <summary><c>msg_queue_msgsnd</c></summary>
    public HookList<IpcFlagHook> MsgQueueMsgsnd { get; } = new("msg_queue_msgsnd");

    /// <summary><c>msg_queue_msgrcv</c></summary>
    public HookList<MsgRcvHook> MsgQueueMsgrcv { get; } = new("msg_queue_msgrcv");

    /// <summary><c>sem_alloc</c></summary>
    public HookList<IpcAllocHook> SemAlloc { get; } = new("sem_alloc");

    /// <summary><c>sem_associate</c></summary>
    public HookList<IpcFlagHook> SemAssociate { get; } = new("sem_associate");

    /// <summary><c>sem_semctl</c></summary>
    public HookList<IpcFlagHook> SemSemctl { get; } = new("sem_semctl");

    /// <summary><c>sem_semop</c></summary>
    public HookList<SemopHook> SemSemop { get; } = new("sem_semop");

    /// <summary><c>userns_create</c></summary>
    public HookList<UsernsCreateHook> UsernsCreate { get; } = new("userns_create");

    /// <summary>
    /// <c>unshare_permit</c>, a model hook point for a design that lets unshare(2) create namespaces
    /// without CAP_SYS_ADMIN (seed 004, Biederman's proposal): asked only when kernel/nsproxy.c
    /// unshare_nsproxy_namespaces' ns_capable(CAP_SYS_ADMIN) check failed; any module's yes permits.
    /// </summary>
    public HookList<UnsharePermitHook> UnsharePermit { get; } = new("unshare_permit");

    /// <summary>The Linux names of every hook the table has, for listings and coverage checks.</summary>
    public static IReadOnlyList<string> HookNames { get; } =
    [
        "socket_create",
        "socket_create_inline",
        "socket_post_create",
        "socket_socketpair",
        "socket_bind",
        "socket_bind_address",
        "socket_connect",
        "socket_bind_inline",
        "socket_connect_inline",
        "socket_bind_addrlen",
        "socket_connect_addrlen",
        "socket_listen",
        "socket_accept",
        "socket_post_accept",
        "socket_sendmsg",
        "socket_sendmsg_inline",
        "socket_recvmsg",
        "unix_stream_connect",
        "unix_may_send",
        "unix_address_check",
        "ptrace_access_check",
        "ptrace_may_access_inline",
        "ptrace_traceme",
        "task_kill",
        "task_alloc",
        "task_free",
        "bprm_creds_for_exec",
        "bprm_check_security",
        "bprm_creds_from_file",
        "bprm_committing_creds",
        "bprm_committed_creds",
        "capable",
        "inode_permission",
        "inode_getattr",
        "inode_getxattr",
        "task_to_inode",
        "task_lookup",
        "inode_mknod",
        "sb_mount",
        "sb_umount",
        "sysctl",
        "task_setrlimit",
        "rlimit_resource",
        "task_setnice",
        "task_setscheduler",
        "task_prctl",
        "getprocattr",
        "setprocattr",
        "file_open",
        "file_set_fowner",
        "file_send_sigiotask",
        "ipc_permission",
        "shm_alloc",
        "shm_associate",
        "shm_shmctl",
        "shm_shmat",
        "msg_queue_alloc",
        "msg_queue_associate",
        "msg_queue_msgctl",
        "msg_queue_msgsnd",
        "msg_queue_msgrcv",
        "sem_alloc",
        "sem_associate",
        "sem_semctl",
        "sem_semop",
        "userns_create",
        "unshare_permit",
    ];
}
