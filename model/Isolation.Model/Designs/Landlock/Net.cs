using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// The network hooks of security/landlock/net.c: bind and connect of a TCP socket are checked
/// against the port rules of every layer that handles the right, after Landlock's own checks of the
/// address length and family (so a short or mismatched address is EINVAL, not EACCES).
/// </summary>
/// <remarks>security/landlock/net.c current_check_access_socket, hook_socket_bind, hook_socket_connect (6.12).</remarks>
internal sealed class Net
{
    private readonly LandlockModule _module;

    /// <summary>The hooks of <paramref name="module"/>.</summary>
    public Net(LandlockModule module) => _module = module;

    /// <summary>Adds <c>socket_bind</c> and <c>socket_connect</c> (both read the address length).</summary>
    public void Register(HookTable hooks)
    {
        hooks.SocketBindAddrlen.Add(_module, (task, sock, address) => Check(task, sock, address, LandlockAbi.AccessNetBindTcp));
        hooks.SocketConnectAddrlen.Add(_module, (task, sock, address) => Check(task, sock, address, LandlockAbi.AccessNetConnectTcp));
    }

    /// <summary>current_check_access_socket for <paramref name="access"/> (BIND_TCP or CONNECT_TCP): <see cref="LandlockRules.SocketBind"/> and <see cref="LandlockRules.SocketConnect"/>.</summary>
    public Errno Check(Task task, Socket sock, UserSockAddr address, ulong access)
    {
        var domain = _module.DomainOf(task);
        var port = address.Address is InetAddress inet ? inet.Port : 0;
        var rule = access == LandlockAbi.AccessNetConnectTcp ? LandlockRules.SocketConnect : LandlockRules.SocketBind;

        // Erratum 1: sk_is_tcp, not just SOCK_STREAM.
        return rule.Decide(
            Bits.Of(domain is not null && domain.Handles(net: ulong.MaxValue)),
            Bits.Of(sock is TcpSocket),
            Bits.Of(address.Length),
            Bits.Of(sock.Family),
            Bits.Of(address.Family),
            Bits.Of(domain?.AllowsNet(access, port) ?? true),
            Bits.Of(domain?.AllowsNet(access, 0) ?? true));
    }
}
