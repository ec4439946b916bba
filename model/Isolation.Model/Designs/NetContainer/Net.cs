using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.NetContainer;

/// <summary>The socket hooks of the network container module (patches 2/3 and 3/3).</summary>
public sealed partial class NetContainerModule
{
    /// <summary>
    /// Registers the socket hooks. Patch 2/3 also registers socket_create, socket_post_create,
    /// socket_connect, socket_listen, socket_accept, socket_post_accept, socket_sendmsg and
    /// socket_recvmsg, which after patch 3/3 all return 0 ("nothing to do right now"): they
    /// change no answer and are not modelled.
    /// </summary>
    private void AddNetHooks(HookTable hooks) => hooks.SocketBind.Add(this, SocketBind);

    /// <summary>
    /// network_socket_bind: nothing for a task in the root container, nothing for a socket that is
    /// not AF_INET (IPv6 sockets, v4-mapped addresses included, pass), nothing for INADDR_ANY;
    /// otherwise EPERM unless sin_addr is on the container's list.
    /// </summary>
    /// <remarks>
    /// The hook reads sin_addr from the address whatever its sa_family says: for an AF_INET6
    /// sockaddr on an AF_INET socket that is sin6_flowinfo, which the model does not carry and
    /// takes as 0 (strace's <c>sin6_flowinfo=htonl(0)</c>); a sockaddr of another family has no
    /// bytes in the model and counts as INADDR_ANY too. inet_bind then refuses either (EAFNOSUPPORT).
    /// </remarks>
    private Errno SocketBind(Task task, Socket sock, SockAddr address)
    {
        // Hooks are on the lists from boot; the patch registered them with the first child container.
        var network = NetworkOf(task);
        var v4 = address is InetAddress { Address.IsV6: false } inet ? inet.Address : IpAddr.AnyV4;
        return ContainerRules.SocketBind.Decide(
            Bits.Of(Subsystem.SecurityRegistered),
            Bits.Of(network == Subsystem.Top),
            Bits.Of(sock.Family),
            Bits.Of(address.Family),
            (UInt128)(uint)v4.Value,
            Bits.Of(network.Allows(Network.SAddr(v4))));
    }
}
