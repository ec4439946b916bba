using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// security/landlock as a module: the domain of every task (a task blob: Linux keeps it in the
/// credentials, which fork copies and exec keeps), the domain of the task that created each socket
/// (a socket blob: Linux reads the socket file's f_cred), and the hooks of net.c and task.c.
/// </summary>
/// <remarks>security/landlock/setup.c, cred.c, net.c, task.c (6.12).</remarks>
public sealed class LandlockModule : SecurityModule
{
    /// <summary>Creates the module answering as <paramref name="release"/>.</summary>
    public LandlockModule(LandlockRelease release) => Release = release;

    /// <inheritdoc/>
    public override string Name => Release.DesignName;

    /// <summary>The kernel whose ABI the system calls answer with.</summary>
    public LandlockRelease Release { get; }

    /// <summary>The Landlock module of <paramref name="kernel"/>'s stack, or null when Landlock is not loaded.</summary>
    public static LandlockModule? Of(KernelState kernel) => kernel.Security.Modules.OfType<LandlockModule>().FirstOrDefault();

    /// <summary>landlock_get_task_domain: <paramref name="task"/>'s domain, or null when it has none.</summary>
    public LandlockDomain? DomainOf(Task task) => Blob<LandlockDomain>(task.Security);

    /// <summary>The domain of the task that created <paramref name="sock"/> (its file's f_cred), or null.</summary>
    public LandlockDomain? CreatorDomainOf(Socket sock) => Blob<LandlockDomain>(sock.Security);

    /// <inheritdoc/>
    public override void Register(HookTable hooks)
    {
        hooks.TaskAlloc.Add(this, TaskAlloc);
        hooks.SocketPostCreate.Add(this, SocketPostCreate);
        new Net(this).Register(hooks);
        new Scopes(this).Register(hooks);
        new PtraceScope(this).Register(hooks);
    }

    /// <summary>commit_creds of landlock_restrict_self: <paramref name="task"/> now runs in <paramref name="domain"/>.</summary>
    internal void Enforce(Task task, LandlockDomain domain) => SetBlob(task.Security, domain);

    // hook_cred_prepare / copy_process: the child's credentials carry the parent's domain.
    private Errno TaskAlloc(Task parent, Task child, long cloneFlags)
    {
        SetBlob(child.Security, DomainOf(parent));
        return Errno.None;
    }

    // sock_alloc_file gives the socket's file the creator's credentials: remember their domain.
    private Errno SocketPostCreate(Task task, Socket sock, int family, int type, int protocol, bool kern)
    {
        SetBlob(sock.Security, DomainOf(task));
        return Errno.None;
    }
}
