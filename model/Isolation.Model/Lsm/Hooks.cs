using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

// The LSM hook signatures, one delegate per hook, named as in include/linux/lsm_hook_defs.h (6.12)
// with the current task passed explicitly. A hook returns Errno.None to allow.
#pragma warning disable SA1649, CA1711
namespace Isolation.Model.Lsm;

/// <summary>socket_create: may <paramref name="task"/> create a socket of this family, type and protocol?</summary>
public delegate Errno SocketCreateHook(Task task, int family, int type, int protocol, bool kern);

/// <summary>socket_post_create: the socket exists; label it.</summary>
public delegate Errno SocketPostCreateHook(Task task, Socket sock, int family, int type, int protocol, bool kern);

/// <summary>socket_socketpair: two sockets were connected by socketpair(2).</summary>
public delegate Errno SocketPairHook(Task task, Socket a, Socket b);

/// <summary>socket_bind and socket_connect: may the socket bind or connect to this address?</summary>
public delegate Errno SocketAddressHook(Task task, Socket sock, SockAddr addr);

/// <summary>
/// socket_bind_addrlen and socket_connect_addrlen: socket_bind and socket_connect as 6.12 declares
/// them, with the sockaddr as the caller passed it (<c>sa_family</c> and <c>addrlen</c> included),
/// for a module that checks the length itself (Landlock).
/// </summary>
public delegate Errno SocketUserAddressHook(Task task, Socket sock, UserSockAddr address);

/// <summary>
/// socket_bind_address (model hook point): the address the bind goes on with, given the one
/// security_socket_bind allowed; null keeps it. Stands for a socket_bind hook writing to the
/// kernel's copy of the address.
/// </summary>
public delegate SockAddr? SocketBindAddressHook(Task task, Socket sock, SockAddr addr);

/// <summary>socket_listen.</summary>
public delegate Errno SocketListenHook(Task task, Socket sock, int backlog);

/// <summary>socket_accept: <paramref name="newSock"/> is the socket accept will return.</summary>
public delegate Errno SocketAcceptHook(Task task, Socket sock, Socket newSock);

/// <summary>socket_sendmsg: <paramref name="addr"/> is the msg_name, or null for a connected send.</summary>
public delegate Errno SocketSendmsgHook(Task task, Socket sock, SockAddr? addr, int size);

/// <summary>socket_recvmsg.</summary>
public delegate Errno SocketRecvmsgHook(Task task, Socket sock, int size, int flags);

/// <summary>unix_stream_connect: <paramref name="sock"/> connects to the listener <paramref name="other"/>; <paramref name="newSock"/> is the embryo.</summary>
public delegate Errno UnixStreamConnectHook(Task task, Socket sock, Socket other, Socket newSock);

/// <summary>unix_may_send: may <paramref name="sock"/> send a datagram to <paramref name="other"/>?</summary>
public delegate Errno UnixMaySendHook(Task task, Socket sock, Socket other);

/// <summary>
/// unix_address_check (model hook point): may <paramref name="task"/> use the named address
/// <paramref name="addr"/> (pathname or abstract, already validated) to bind, connect or send on the
/// unix socket <paramref name="sock"/>?
/// </summary>
public delegate Errno UnixAddressCheckHook(Task task, Socket sock, UnixAddress addr);

/// <summary>ptrace_access_check: may <paramref name="tracer"/> access <paramref name="child"/> in this mode?</summary>
public delegate Errno PtraceAccessCheckHook(Task tracer, Task child, PtraceMode mode);

/// <summary>ptrace_traceme: may <paramref name="child"/> make <paramref name="parent"/> its tracer?</summary>
public delegate Errno PtraceTracemeHook(Task parent, Task child);

/// <summary>task_kill: may <paramref name="sender"/> send <paramref name="sig"/> to <paramref name="target"/>?</summary>
public delegate Errno TaskKillHook(Task sender, Task target, int sig);

/// <summary>task_alloc: <paramref name="child"/> is being made by fork/clone of <paramref name="parent"/>; copy blobs here.</summary>
public delegate Errno TaskAllocHook(Task parent, Task child, long cloneFlags);

/// <summary>task_free, and other notifications about one task.</summary>
public delegate void TaskNotifyHook(Task task);

/// <summary>bprm_creds_for_exec and bprm_check_security.</summary>
public delegate Errno BprmCheckHook(Binprm bprm);

/// <summary>bprm_committing_creds and bprm_committed_creds.</summary>
public delegate void BprmCommitHook(Binprm bprm);

/// <summary>capable: may <paramref name="task"/> use <paramref name="cap"/> over namespace <paramref name="ns"/>?</summary>
public delegate Errno CapableHook(Task task, UserNamespace ns, Capability cap);

/// <summary>inode_permission: <paramref name="mask"/> is MAY_READ|MAY_WRITE|MAY_EXEC bits.</summary>
public delegate Errno InodePermissionHook(Task task, Inode inode, int mask);

/// <summary>inode_getattr (stat).</summary>
public delegate Errno InodeGetattrHook(Task task, Inode inode);

/// <summary>inode_getxattr: read the extended attribute <paramref name="name"/> of <paramref name="inode"/>.</summary>
public delegate Errno InodeGetxattrHook(Task task, Inode inode, string name);

/// <summary>task_to_inode: a /proc inode for <paramref name="target"/> is being made; label it.</summary>
public delegate void TaskToInodeHook(Task target, Inode inode);

/// <summary>task_lookup (seed 001, not in mainline): may <paramref name="task"/> see <paramref name="target"/> in /proc?</summary>
public delegate Errno TaskLookupHook(Task task, Task target);

/// <summary>inode_mknod: make a device or special file <paramref name="name"/> in <paramref name="dir"/>.</summary>
public delegate Errno InodeMknodHook(Task task, Inode dir, string name, int mode, long dev);

/// <summary>sb_mount.</summary>
public delegate Errno SbMountHook(Task task, string source, string target, string fsType, long flags);

/// <summary>sb_umount: unmount what is mounted on <paramref name="target"/> with umount2 <paramref name="flags"/>.</summary>
public delegate Errno SbUmountHook(Task task, string target, int flags);

/// <summary>sysctl: access to /proc/sys/<paramref name="name"/> with MAY_READ/MAY_WRITE in <paramref name="mask"/> (a 2.6 hook, kept for the designs that used it).</summary>
public delegate Errno SysctlHook(Task task, string name, int mask);

/// <summary>rlimit_resource (model hook point): the boot (soft, hard) value of a resource a design adds, or null if it is not this module's.</summary>
public delegate (ulong Cur, ulong Max)? RlimitResourceHook(int resource);

/// <summary>task_setrlimit.</summary>
public delegate Errno TaskSetrlimitHook(Task task, Task target, int resource, ulong cur, ulong max);

/// <summary>task_setnice.</summary>
public delegate Errno TaskSetniceHook(Task task, Task target, int nice);

/// <summary>task_setscheduler.</summary>
public delegate Errno TaskSetschedulerHook(Task task, Task target);

/// <summary>
/// task_prctl, with Linux's convention: return -ENOSYS (as a negative number) when the option is
/// not this module's, a negative errno to fail, or the call's value.
/// </summary>
public delegate long TaskPrctlHook(Task task, int option, long arg2, long arg3, long arg4, long arg5);

/// <summary>getprocattr: read /proc/<paramref name="target"/>/attr/<paramref name="name"/>.</summary>
public delegate Errno GetprocattrHook(Task task, Task target, string name, out byte[] value);

/// <summary>setprocattr: <paramref name="task"/> writes its own /proc/self/attr/<paramref name="name"/>.</summary>
public delegate Errno SetprocattrHook(Task task, string name, ReadOnlyMemory<byte> value);

/// <summary>file_set_fowner (F_SETOWN) and file_open.</summary>
public delegate Errno FileHook(Task task, OpenFile file);

/// <summary>
/// file_send_sigiotask: may SIGIO/SIGURG <paramref name="sig"/> on <paramref name="file"/> reach
/// <paramref name="target"/>? <paramref name="current"/> is the task whose I/O raised it (Linux's
/// implicit current, which bsdjail tests).
/// </summary>
public delegate Errno FileSendSigiotaskHook(Task current, Task target, OpenFile file, int sig);

/// <summary>ipc_permission: access (<paramref name="flag"/> is S_IRUGO/S_IWUGO bits) to any SysV object.</summary>
public delegate Errno IpcPermissionHook(Task task, IpcObject ipc, int flag);

/// <summary>shm_alloc, msg_queue_alloc, sem_alloc: a new object is being made.</summary>
public delegate Errno IpcAllocHook(Task task, IpcObject ipc);

/// <summary>shm_associate, msg_queue_associate, sem_associate (the *get of an existing object), and shm_shmat, msg_queue_msgsnd, *ctl with their flag or command.</summary>
public delegate Errno IpcFlagHook(Task task, IpcObject ipc, int flag);

/// <summary>msg_queue_msgrcv: <paramref name="target"/> receives from the queue.</summary>
public delegate Errno MsgRcvHook(Task task, IpcObject queue, Task target, long type, int mode);

/// <summary>sem_semop.</summary>
public delegate Errno SemopHook(Task task, IpcObject sem, int nsops, bool alter);

/// <summary>unshare_permit (model hook point): may <paramref name="task"/> unshare the namespaces in <paramref name="flags"/> without CAP_SYS_ADMIN?</summary>
public delegate bool UnsharePermitHook(Task task, long flags);

/// <summary>userns_create: may <paramref name="task"/> create a user namespace?</summary>
public delegate Errno UsernsCreateHook(Task task);
