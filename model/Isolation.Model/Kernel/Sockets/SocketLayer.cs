using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// The protocol-independent socket layer (net/socket.c): creation with its hooks, and each
/// operation with the <c>security_socket_*</c> hook at the place Linux calls it, before the
/// protocol's operation. The syscall layer decodes arguments and calls these.
/// </summary>
/// <remarks>net/socket.c __sock_create, __sys_socketpair, __sys_bind_socket, __sys_listen_socket, do_accept, __sys_connect_file, __sock_sendmsg, sock_recvmsg; net/core/scm.c scm_detach_fds (6.12).</remarks>
public static class SocketLayer
{
    /// <summary>
    /// __sock_create: EAFNOSUPPORT / EINVAL for numbers out of range, then security_socket_create
    /// (before the family is looked up), the family's create, and security_socket_post_create.
    /// </summary>
    public static Errno Create(KernelState kernel, Task task, int family, int type, int protocol, out Socket? socket)
    {
        socket = null;
        if (family < 0 || family >= SocketAbi.AfMax)
        {
            return Errno.EAFNOSUPPORT;
        }

        if (type < 0 || type >= SocketAbi.SockMax)
        {
            return Errno.EINVAL;
        }

        if (family == SocketAbi.AfInet && type == SocketAbi.SockPacket)
        {
            // The obsolete (PF_INET, SOCK_PACKET) is PF_PACKET.
            family = SocketAbi.AfPacket;
        }

        var error = kernel.Security.SocketCreate(task, family, type, protocol, false);
        if (error == Errno.None)
        {
            error = SocketFamilies.Create(kernel, task, task.NetNs, family, type, protocol, out socket);
        }

        if (error == Errno.None)
        {
            socket!.OwnerUid = task.Cred.Fsuid;
            error = kernel.Security.SocketPostCreate(task, socket!, family, type, protocol, false);
            if (error != Errno.None)
            {
                socket!.ReleaseSocket(kernel);
                socket = null;
            }
        }

        return error;
    }

    /// <summary>__sys_socketpair after the descriptors are reserved: two sockets, security_socket_socketpair, ops->socketpair (EOPNOTSUPP but for AF_UNIX).</summary>
    public static Errno CreatePair(KernelState kernel, Task task, int family, int type, int protocol, out Socket? first, out Socket? second)
    {
        second = null;
        var error = Create(kernel, task, family, type, protocol, out first);
        if (error != Errno.None)
        {
            return error;
        }

        error = Create(kernel, task, family, type, protocol, out second);
        if (error == Errno.None)
        {
            error = kernel.Security.SocketSocketpair(task, first!, second!);
        }

        if (error == Errno.None && first is UnixSocket a && second is UnixSocket b)
        {
            UnixSocket.Pair(a, b, task);
            return Errno.None;
        }

        if (error == Errno.None)
        {
            // sock_no_socketpair.
            error = Errno.EOPNOTSUPP;
        }

        second?.ReleaseSocket(kernel);
        first!.ReleaseSocket(kernel);
        first = second = null;
        return error;
    }

    /// <summary>__sys_bind_socket: security_socket_bind, the socket_bind_address rewrite, then ops->bind.</summary>
    public static Errno Bind(KernelState kernel, Task task, Socket socket, UserSockAddr address)
    {
        var error = kernel.Security.SocketBind(task, socket, address);
        if (error != Errno.None)
        {
            return error;
        }

        var bound = kernel.Security.SocketBindAddress(task, socket, address.Address);
        return socket.Bind(kernel, task, address with { Address = bound });
    }

    /// <summary>__sys_listen_socket: the backlog clamped to somaxconn (as unsigned), security_socket_listen, ops->listen.</summary>
    public static Errno Listen(KernelState kernel, Task task, Socket socket, int backlog)
    {
        if ((uint)backlog > SocketAbi.SoMaxConn)
        {
            backlog = SocketAbi.SoMaxConn;
        }

        var error = kernel.Security.SocketListen(task, socket, backlog);
        return error != Errno.None ? error : socket.Listen(kernel, task, backlog);
    }

    /// <summary>__sys_connect_file: security_socket_connect, then ops->connect with the file's O_NONBLOCK.</summary>
    public static Errno Connect(KernelState kernel, Task task, Socket socket, UserSockAddr address, bool nonBlocking)
    {
        var error = kernel.Security.SocketConnect(task, socket, address);
        return error != Errno.None ? error : socket.Connect(kernel, task, address, nonBlocking);
    }

    /// <summary>
    /// do_accept: security_socket_accept (given the connection accept would take, or a fresh socket
    /// when none waits: Linux passes the new struct socket before ops->accept fills it), ops->accept
    /// with the listener's O_NONBLOCK, then the socket_post_accept model hook point.
    /// </summary>
    public static Errno Accept(KernelState kernel, Task task, Socket socket, bool nonBlocking, out Socket? accepted)
    {
        accepted = null;
        var newSock = socket.NextAcceptable ?? new OpaqueSocket(socket.Family, socket.Type, socket.Protocol, socket.NetNs);
        var error = kernel.Security.SocketAccept(task, socket, newSock);
        if (error == Errno.None)
        {
            error = socket.Accept(kernel, task, nonBlocking, out accepted);
        }

        if (error == Errno.None)
        {
            // do_accept: the new socket file is made (sock_alloc) by the accepting process.
            accepted!.OwnerUid = task.Cred.Fsuid;
        }

        if (error == Errno.None)
        {
            error = kernel.Security.SocketPostAccept(task, socket, accepted!);
            if (error != Errno.None)
            {
                accepted!.ReleaseSocket(kernel);
                accepted = null;
            }
        }

        return error;
    }

    /// <summary>__sock_sendmsg: security_socket_sendmsg, then ops->sendmsg; a byte count or a negative errno.</summary>
    public static long Send(KernelState kernel, Task task, Socket socket, SendRequest request)
    {
        var error = kernel.Security.SocketSendmsg(task, socket, request.To?.Address, request.Data.Length);
        return error != Errno.None ? -(long)error : socket.SendMessage(kernel, task, request);
    }

    /// <summary>
    /// sock_recvmsg: security_socket_recvmsg, then ops->recvmsg; then scm_detach_fds installs passed
    /// descriptors at the lowest free numbers (close-on-exec with MSG_CMSG_CLOEXEC) as far as the
    /// control buffer has room, drops the rest and sets MSG_CTRUNC.
    /// </summary>
    public static long Receive(KernelState kernel, Task task, Socket socket, RecvRequest request, RecvResult result, out IReadOnlyList<int> receivedFds)
    {
        receivedFds = [];
        var error = kernel.Security.SocketRecvmsg(task, socket, request.Size, request.Flags);
        if (error != Errno.None)
        {
            return -(long)error;
        }

        var n = socket.ReceiveMessage(kernel, task, request, result);
        if (result.Files.Count > 0)
        {
            receivedFds = InstallFiles(kernel, task, request, result);
        }

        return n;
    }

    /// <summary>__sys_shutdown_sock: ops->shutdown (the model has no socket_shutdown hook).</summary>
    public static Errno Shutdown(KernelState kernel, Task task, Socket socket, int how) => socket.Shutdown(kernel, task, how);

    private static List<int> InstallFiles(KernelState kernel, Task task, RecvRequest request, RecvResult result)
    {
        var fds = new List<int>();
        var room = request.ControlCapacity <= 16 ? 0 : (request.ControlCapacity - 16) / 4;
        var cloexec = (request.Flags & MsgFlags.CmsgCloexec) != 0;
        foreach (var file in result.Files)
        {
            if (fds.Count < room && Descriptors.Install(task, file, cloexec) is { Error: Errno.None } installed)
            {
                fds.Add(installed.Fd);
            }

            // The in-flight reference goes: the table holds its own now, or the file is dropped.
            kernel.PutFile(file);
        }

        if (fds.Count < result.Files.Count)
        {
            result.MsgFlags |= MsgFlags.Ctrunc;
        }

        return fds;
    }
}
