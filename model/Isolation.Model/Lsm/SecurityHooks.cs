using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Lsm;

/// <summary>
/// The stack of security modules and the <c>security_*</c> entry points the kernel model calls
/// (security/security.c): each runs the hook's functions in stacking order and the first error wins.
/// </summary>
public sealed class SecurityHooks
{
    private readonly HookTable _table = new();

    /// <summary>Stacks <paramref name="modules"/> in order: each gets its blob slot and registers its hooks.</summary>
    public SecurityHooks(IEnumerable<SecurityModule> modules)
    {
        Modules = [.. modules];
        for (var i = 0; i < Modules.Length; i++)
        {
            Modules[i].Slot = i;
            Modules[i].Register(_table);
        }
    }

    /// <summary>The stacked modules, in order.</summary>
    public ImmutableArray<SecurityModule> Modules { get; }

    /// <summary>The hook lists, for listings and tests.</summary>
    public HookTable Table => _table;

    /// <summary>
    /// security_socket_create: the first module's error, or <see cref="Errno.None"/>; then the
    /// socket_create_inline model hook point, which __sock_create runs right after it.
    /// </summary>
    public Errno SocketCreate(Task task, int family, int type, int protocol, bool kern) =>
        First(_table.SocketCreate, h => h(task, family, type, protocol, kern)) is var error && error != Errno.None
            ? error
            : First(_table.SocketCreateInline, h => h(task, family, type, protocol, kern));

    /// <summary>security_socket_post_create: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SocketPostCreate(Task task, Socket sock, int family, int type, int protocol, bool kern) => First(_table.SocketPostCreate, h => h(task, sock, family, type, protocol, kern));

    /// <summary>security_socket_socketpair: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SocketSocketpair(Task task, Socket a, Socket b) => First(_table.SocketSocketpair, h => h(task, a, b));

    /// <summary>
    /// security_socket_bind: the first module's error (socket_bind and socket_bind_addrlen entries
    /// in stacking order), or <see cref="Errno.None"/>; then the socket_bind_inline model hook point,
    /// which __sys_bind_socket runs right after it.
    /// </summary>
    public Errno SocketBind(Task task, Socket sock, UserSockAddr address) =>
        FirstInStackingOrder(_table.SocketBind, h => h(task, sock, address.Address), _table.SocketBindAddrlen, h => h(task, sock, address)) is var error && error != Errno.None
            ? error
            : First(_table.SocketBindInline, h => h(task, sock, address.Address));

    /// <summary>security_socket_bind for an address passed with its own family and natural length.</summary>
    public Errno SocketBind(Task task, Socket sock, SockAddr addr) => SocketBind(task, sock, AsPassed(addr));

    /// <summary>
    /// The socket_bind_address model hook point: each module may replace the address the bind goes
    /// on with (a socket_bind hook writing to the kernel's copy in Linux), in stacking order.
    /// </summary>
    public SockAddr SocketBindAddress(Task task, Socket sock, SockAddr addr)
    {
        foreach (var (_, hook) in _table.SocketBindAddress.Entries)
        {
            addr = hook(task, sock, addr) ?? addr;
        }

        return addr;
    }

    /// <summary>
    /// security_socket_connect: the first module's error (socket_connect and socket_connect_addrlen
    /// entries in stacking order), or <see cref="Errno.None"/>; then the socket_connect_inline model
    /// hook point, which __sys_connect_file runs right after it.
    /// </summary>
    public Errno SocketConnect(Task task, Socket sock, UserSockAddr address) =>
        FirstInStackingOrder(_table.SocketConnect, h => h(task, sock, address.Address), _table.SocketConnectAddrlen, h => h(task, sock, address)) is var error && error != Errno.None
            ? error
            : First(_table.SocketConnectInline, h => h(task, sock, address.Address));

    /// <summary>security_socket_connect for an address passed with its own family and natural length.</summary>
    public Errno SocketConnect(Task task, Socket sock, SockAddr addr) => SocketConnect(task, sock, AsPassed(addr));

    /// <summary>security_socket_listen: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SocketListen(Task task, Socket sock, int backlog) => First(_table.SocketListen, h => h(task, sock, backlog));

    /// <summary>security_socket_accept: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SocketAccept(Task task, Socket sock, Socket newSock) => First(_table.SocketAccept, h => h(task, sock, newSock));

    /// <summary>
    /// The model hook point socket_post_accept (see <see cref="HookTable.SocketPostAccept"/>): called
    /// by accept once <paramref name="newSock"/> holds the dequeued connection, before its descriptor
    /// is installed; the first module's error, or <see cref="Errno.None"/>.
    /// </summary>
    public Errno SocketPostAccept(Task task, Socket sock, Socket newSock) => First(_table.SocketPostAccept, h => h(task, sock, newSock));

    /// <summary>
    /// security_socket_sendmsg: the first module's error, or <see cref="Errno.None"/>; then the
    /// socket_sendmsg_inline model hook point, which __sock_sendmsg runs right after it.
    /// </summary>
    public Errno SocketSendmsg(Task task, Socket sock, SockAddr? addr, int size) =>
        First(_table.SocketSendmsg, h => h(task, sock, addr, size)) is var error && error != Errno.None
            ? error
            : First(_table.SocketSendmsgInline, h => h(task, sock, addr, size));

    /// <summary>security_socket_recvmsg: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SocketRecvmsg(Task task, Socket sock, int size, int flags) => First(_table.SocketRecvmsg, h => h(task, sock, size, flags));

    /// <summary>security_unix_stream_connect: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno UnixStreamConnect(Task task, Socket sock, Socket other, Socket newSock) => First(_table.UnixStreamConnect, h => h(task, sock, other, newSock));

    /// <summary>security_unix_may_send: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno UnixMaySend(Task task, Socket sock, Socket other) => First(_table.UnixMaySend, h => h(task, sock, other));

    /// <summary>
    /// The unix_address_check model hook point (see <see cref="HookTable.UnixAddressCheck"/>): the
    /// first module's error, or <see cref="Errno.None"/>.
    /// </summary>
    public Errno UnixAddressCheck(Task task, Socket sock, UnixAddress addr) => First(_table.UnixAddressCheck, h => h(task, sock, addr));

    /// <summary>
    /// The ptrace_may_access_inline model hook point, which __ptrace_may_access runs right before
    /// security_ptrace_access_check; then security_ptrace_access_check: the first error, or <see cref="Errno.None"/>.
    /// </summary>
    public Errno PtraceAccessCheck(Task tracer, Task child, PtraceMode mode) =>
        First(_table.PtraceMayAccessInline, h => h(tracer, child, mode)) is var error && error != Errno.None
            ? error
            : First(_table.PtraceAccessCheck, h => h(tracer, child, mode));

    /// <summary>security_ptrace_traceme: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno PtraceTraceme(Task parent, Task child) => First(_table.PtraceTraceme, h => h(parent, child));

    /// <summary>security_task_kill: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno TaskKill(Task sender, Task target, int sig) => First(_table.TaskKill, h => h(sender, target, sig));

    /// <summary>
    /// security_task_alloc: the first module's error, or <see cref="Errno.None"/>; on an error every
    /// module's task_free runs for the child ("if (unlikely(rc)) security_task_free(task)"), so a
    /// module that already accounted for it undoes that.
    /// </summary>
    public Errno TaskAlloc(Task parent, Task child, long cloneFlags)
    {
        var error = First(_table.TaskAlloc, h => h(parent, child, cloneFlags));
        if (error != Errno.None)
        {
            TaskFree(child);
        }

        return error;
    }

    /// <summary>security_task_free: every module is told, in stacking order.</summary>
    public void TaskFree(Task task)
    {
        foreach (var (_, hook) in _table.TaskFree.Entries)
        {
            hook(task);
        }
    }

    /// <summary>security_bprm_creds_for_exec: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno BprmCredsForExec(Binprm bprm) => First(_table.BprmCredsForExec, h => h(bprm));

    /// <summary>security_bprm_check_security: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno BprmCheckSecurity(Binprm bprm) => First(_table.BprmCheckSecurity, h => h(bprm));

    /// <summary>
    /// security_bprm_creds_from_file after the capability module's part (which the exec model runs
    /// itself): the first module's error, or <see cref="Errno.None"/>.
    /// </summary>
    public Errno BprmCredsFromFile(Binprm bprm) => First(_table.BprmCredsFromFile, h => h(bprm));

    /// <summary>security_bprm_committing_creds: every module is told, in stacking order.</summary>
    public void BprmCommittingCreds(Binprm bprm)
    {
        foreach (var (_, hook) in _table.BprmCommittingCreds.Entries)
        {
            hook(bprm);
        }
    }

    /// <summary>security_bprm_committed_creds: every module is told, in stacking order.</summary>
    public void BprmCommittedCreds(Binprm bprm)
    {
        foreach (var (_, hook) in _table.BprmCommittedCreds.Entries)
        {
            hook(bprm);
        }
    }

    /// <summary>security_capable: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno Capable(Task task, UserNamespace ns, Capability cap) => First(_table.Capable, h => h(task, ns, cap));

    /// <summary>security_inode_permission: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno InodePermission(Task task, Inode inode, int mask) => First(_table.InodePermission, h => h(task, inode, mask));

    /// <summary>security_inode_getattr: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno InodeGetattr(Task task, Inode inode) => First(_table.InodeGetattr, h => h(task, inode));

    /// <summary>security_inode_getxattr: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno InodeGetxattr(Task task, Inode inode, string name) => First(_table.InodeGetxattr, h => h(task, inode, name));

    /// <summary>security_task_to_inode: every module is told, in stacking order.</summary>
    public void TaskToInode(Task target, Inode inode)
    {
        foreach (var (_, hook) in _table.TaskToInode.Entries)
        {
            hook(target, inode);
        }
    }

    /// <summary>security_task_lookup: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno TaskLookup(Task task, Task target) => First(_table.TaskLookup, h => h(task, target));

    /// <summary>security_inode_mknod: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno InodeMknod(Task task, Inode dir, string name, int mode, long dev) => First(_table.InodeMknod, h => h(task, dir, name, mode, dev));

    /// <summary>security_sb_mount: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SbMount(Task task, string source, string target, string fsType, long flags) => First(_table.SbMount, h => h(task, source, target, fsType, flags));

    /// <summary>security_sb_umount: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SbUmount(Task task, string target, int flags) => First(_table.SbUmount, h => h(task, target, flags));

    /// <summary>security_sysctl: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno Sysctl(Task task, string name, int mask) => First(_table.Sysctl, h => h(task, name, mask));

    /// <summary>
    /// The rlimit_resource model hook point: the boot value of <paramref name="resource"/> from the
    /// first module that defines it, or null (no module does: the resource does not exist).
    /// </summary>
    public (ulong Cur, ulong Max)? RlimitResource(int resource)
    {
        foreach (var (_, hook) in _table.RlimitResource.Entries)
        {
            if (hook(resource) is { } limit)
            {
                return limit;
            }
        }

        return null;
    }

    /// <summary>security_task_setrlimit: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno TaskSetrlimit(Task task, Task target, int resource, ulong cur, ulong max) => First(_table.TaskSetrlimit, h => h(task, target, resource, cur, max));

    /// <summary>security_task_setnice: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno TaskSetnice(Task task, Task target, int nice) => First(_table.TaskSetnice, h => h(task, target, nice));

    /// <summary>security_task_setscheduler: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno TaskSetscheduler(Task task, Task target) => First(_table.TaskSetscheduler, h => h(task, target));

    /// <summary>security_file_open: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno FileOpen(Task task, OpenFile file) => First(_table.FileOpen, h => h(task, file));

    /// <summary>security_file_set_fowner: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno FileSetFowner(Task task, OpenFile file) => First(_table.FileSetFowner, h => h(task, file));

    /// <summary>security_file_send_sigiotask: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno FileSendSigiotask(Task current, Task target, OpenFile file, int sig) => First(_table.FileSendSigiotask, h => h(current, target, file, sig));

    /// <summary>security_ipc_permission: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno IpcPermission(Task task, IpcObject ipc, int flag) => First(_table.IpcPermission, h => h(task, ipc, flag));

    /// <summary>security_shm_alloc: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno ShmAlloc(Task task, IpcObject ipc) => First(_table.ShmAlloc, h => h(task, ipc));

    /// <summary>security_shm_associate: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno ShmAssociate(Task task, IpcObject ipc, int flag) => First(_table.ShmAssociate, h => h(task, ipc, flag));

    /// <summary>security_shm_shmctl: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno ShmShmctl(Task task, IpcObject ipc, int flag) => First(_table.ShmShmctl, h => h(task, ipc, flag));

    /// <summary>security_shm_shmat: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno ShmShmat(Task task, IpcObject ipc, int flag) => First(_table.ShmShmat, h => h(task, ipc, flag));

    /// <summary>security_msg_queue_alloc: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno MsgQueueAlloc(Task task, IpcObject ipc) => First(_table.MsgQueueAlloc, h => h(task, ipc));

    /// <summary>security_msg_queue_associate: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno MsgQueueAssociate(Task task, IpcObject ipc, int flag) => First(_table.MsgQueueAssociate, h => h(task, ipc, flag));

    /// <summary>security_msg_queue_msgctl: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno MsgQueueMsgctl(Task task, IpcObject ipc, int flag) => First(_table.MsgQueueMsgctl, h => h(task, ipc, flag));

    /// <summary>security_msg_queue_msgsnd: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno MsgQueueMsgsnd(Task task, IpcObject ipc, int flag) => First(_table.MsgQueueMsgsnd, h => h(task, ipc, flag));

    /// <summary>security_msg_queue_msgrcv: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno MsgQueueMsgrcv(Task task, IpcObject queue, Task target, long type, int mode) => First(_table.MsgQueueMsgrcv, h => h(task, queue, target, type, mode));

    /// <summary>security_sem_alloc: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SemAlloc(Task task, IpcObject ipc) => First(_table.SemAlloc, h => h(task, ipc));

    /// <summary>security_sem_associate: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SemAssociate(Task task, IpcObject ipc, int flag) => First(_table.SemAssociate, h => h(task, ipc, flag));

    /// <summary>security_sem_semctl: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SemSemctl(Task task, IpcObject ipc, int flag) => First(_table.SemSemctl, h => h(task, ipc, flag));

    /// <summary>security_sem_semop: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno SemSemop(Task task, IpcObject sem, int nsops, bool alter) => First(_table.SemSemop, h => h(task, sem, nsops, alter));

    /// <summary>The unshare_permit model hook point: whether any module lets <paramref name="task"/> unshare <paramref name="flags"/> without CAP_SYS_ADMIN.</summary>
    public bool UnsharePermit(Task task, long flags) => _table.UnsharePermit.Entries.Any(e => e.Hook(task, flags));

    /// <summary>security_userns_create: the first module's error, or <see cref="Errno.None"/>.</summary>
    public Errno UsernsCreate(Task task) => First(_table.UsernsCreate, h => h(task));

    /// <summary>
    /// security_getprocattr: /proc/pid/attr files belong to the first module that has the hook
    /// (the 6.12 rule for the unprefixed attr directory); with none, EINVAL.
    /// </summary>
    public Errno Getprocattr(Task task, Task target, string name, out byte[] value)
    {
        foreach (var (_, hook) in _table.Getprocattr.Entries)
        {
            return hook(task, target, name, out value);
        }

        value = [];
        return Errno.EINVAL;
    }

    /// <summary>security_setprocattr: as <see cref="Getprocattr"/>, for writes.</summary>
    public Errno Setprocattr(Task task, string name, ReadOnlyMemory<byte> value)
    {
        foreach (var (_, hook) in _table.Setprocattr.Entries)
        {
            return hook(task, name, value);
        }

        return Errno.EINVAL;
    }

    /// <summary>
    /// security_task_prctl: a module that answers other than -ENOSYS sets the result; an answer of
    /// 0 lets the next module run too, any other ends the walk. If all answer -ENOSYS, prctl goes
    /// on with its own options.
    /// </summary>
    public long TaskPrctl(Task task, int option, long arg2, long arg3, long arg4, long arg5)
    {
        var result = -(long)Errno.ENOSYS;
        foreach (var (_, hook) in _table.TaskPrctl.Entries)
        {
            var rc = hook(task, option, arg2, arg3, arg4, arg5);
            if (rc != -(long)Errno.ENOSYS)
            {
                result = rc;
                if (rc != 0)
                {
                    break;
                }
            }
        }

        return result;
    }

    // An address as a caller passes it: its family, and the length of its structure.
    private static UserSockAddr AsPassed(SockAddr addr) => new(addr.Family, addr switch
    {
        UnixAddress unix => unix.Length,
        InetAddress inet => inet.Length,
        _ => 2,
    }, addr);

    // The first error of two lists of one Linux hook, run together in stacking order (by module slot).
    private static Errno FirstInStackingOrder<TA, TB>(HookList<TA> a, Func<TA, Errno> callA, HookList<TB> b, Func<TB, Errno> callB)
        where TA : Delegate
        where TB : Delegate
    {
        if (b.Entries.Count == 0)
        {
            return First(a, callA);
        }

        var calls = a.Entries.Select(e => (e.Module.Slot, Call: (Func<Errno>)(() => callA(e.Hook))))
            .Concat(b.Entries.Select(e => (e.Module.Slot, Call: (Func<Errno>)(() => callB(e.Hook)))))
            .OrderBy(c => c.Slot);
        foreach (var (_, call) in calls)
        {
            var error = call();
            if (error != Errno.None)
            {
                return error;
            }
        }

        return Errno.None;
    }

    private static Errno First<THook>(HookList<THook> list, Func<THook, Errno> call)
        where THook : Delegate
    {
        foreach (var (_, hook) in list.Entries)
        {
            var error = call(hook);
            if (error != Errno.None)
            {
                return error;
            }
        }

        return Errno.None;
    }
}
