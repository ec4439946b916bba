using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// The IPC scopes of security/landlock/task.c: a task whose domain is scoped may not connect or send
/// to an abstract unix socket created outside its domain (LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET), nor
/// signal a process outside it (LANDLOCK_SCOPE_SIGNAL); both EPERM.
/// </summary>
/// <remarks>security/landlock/task.c hook_unix_stream_connect, hook_unix_may_send, hook_task_kill, domain_is_scoped, sock_is_scoped, is_abstract_socket (6.12).</remarks>
internal sealed class Scopes
{
    private readonly LandlockModule _module;

    /// <summary>The hooks of <paramref name="module"/>.</summary>
    public Scopes(LandlockModule module) => _module = module;

    /// <summary>Adds <c>unix_stream_connect</c>, <c>unix_may_send</c> and <c>task_kill</c>.</summary>
    public void Register(HookTable hooks)
    {
        hooks.UnixStreamConnect.Add(_module, UnixStreamConnect);
        hooks.UnixMaySend.Add(_module, UnixMaySend);
        hooks.TaskKill.Add(_module, TaskKill);
    }

    /// <summary>hook_unix_stream_connect: a scoped task connecting to an abstract listener created outside its domain is EPERM.</summary>
    public Errno UnixStreamConnect(Task task, Socket sock, Socket other, Socket newSock) =>
        LandlockRules.UnixStreamConnect.Decide(AbstractScope(task, other));

    /// <summary>
    /// hook_unix_may_send: the same for a datagram connect or an addressed send, except to the peer
    /// the socket is already connected to ("already allowed to be connected").
    /// </summary>
    public Errno UnixMaySend(Task task, Socket sock, Socket other) =>
        LandlockRules.UnixMaySend.Decide([Bits.Of(sock is UnixSocket { Peer: { } peer } && peer == other), .. AbstractScope(task, other)]);

    /// <summary>
    /// hook_task_kill: a task may always signal its own process; otherwise a task whose domain is
    /// scoped for signals may signal only processes in that domain or below it.
    /// </summary>
    public Errno TaskKill(Task sender, Task target, int sig)
    {
        var domain = _module.DomainOf(sender);
        return LandlockRules.TaskKill.Decide(
            Bits.Of(sender == target),
            Bits.Of(domain is not null && domain.Handles(scope: LandlockAbi.ScopeSignal)),
            Bits.Of(domain is not null && domain.IsScopedFrom(_module.DomainOf(target), LandlockAbi.ScopeSignal)));
    }

    // The caller's unix scope, is_abstract_socket(other), and sock_is_scoped(other, dom): the inputs of the unix rules.
    private UInt128[] AbstractScope(Task task, Socket other)
    {
        var domain = _module.DomainOf(task);
        return
        [
            Bits.Of(domain is not null && domain.Handles(scope: LandlockAbi.ScopeAbstractUnixSocket)),
            Bits.Of(other is UnixSocket { Name.Kind: UnixAddressKind.Abstract }),
            Bits.Of(domain is not null && domain.IsScopedFrom(_module.CreatorDomainOf(other), LandlockAbi.ScopeAbstractUnixSocket)),
        ];
    }
}
