using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Tests.Sockets;

/// <summary>A security module that records which socket hooks ran, in order, and refuses the one a test names.</summary>
internal sealed class SocketHookProbe : SecurityModule
{
    /// <summary>Creates the probe; <paramref name="refuse"/> is the hook that answers <paramref name="error"/>.</summary>
    public SocketHookProbe(string? refuse = null, Errno error = Errno.EPERM)
    {
        Refuse = refuse;
        Error = error;
    }

    /// <summary>The hook that refuses, by Linux name (<c>socket_bind</c>), or null.</summary>
    public string? Refuse { get; }

    /// <summary>What the refusing hook answers.</summary>
    public Errno Error { get; }

    /// <summary>The hooks called, in order.</summary>
    public List<string> Calls { get; } = [];

    /// <inheritdoc/>
    public override string Name => "socket-hook-probe";

    /// <inheritdoc/>
    public override void Register(HookTable hooks)
    {
        hooks.SocketCreate.Add(this, (_, _, _, _, _) => Hit("socket_create"));
        hooks.SocketPostCreate.Add(this, (_, _, _, _, _, _) => Hit("socket_post_create"));
        hooks.SocketSocketpair.Add(this, (_, _, _) => Hit("socket_socketpair"));
        hooks.SocketBind.Add(this, (_, _, _) => Hit("socket_bind"));
        hooks.SocketConnect.Add(this, (_, _, _) => Hit("socket_connect"));
        hooks.SocketListen.Add(this, (_, _, _) => Hit("socket_listen"));
        hooks.SocketAccept.Add(this, (_, _, _) => Hit("socket_accept"));
        hooks.SocketSendmsg.Add(this, (_, _, _, _) => Hit("socket_sendmsg"));
        hooks.SocketRecvmsg.Add(this, (_, _, _, _) => Hit("socket_recvmsg"));
        hooks.UnixStreamConnect.Add(this, (_, _, _, _) => Hit("unix_stream_connect"));
        hooks.UnixMaySend.Add(this, (_, _, _) => Hit("unix_may_send"));
    }

    private Errno Hit(string hook)
    {
        Calls.Add(hook);
        return hook == Refuse ? Error : Errno.None;
    }
}
