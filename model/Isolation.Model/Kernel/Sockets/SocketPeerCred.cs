using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// sk_peer_pid and sk_peer_cred, what SO_PEERCRED reports: the process (thread group) and the
/// credentials it had when the connection was made.
/// </summary>
/// <remarks>net/unix/af_unix.c init_peercred, update_peercred, copy_peercred (6.12).</remarks>
/// <param name="Task">The process whose thread-group pid is reported.</param>
/// <param name="Cred">Its credentials at that moment (a later setuid does not change them).</param>
public sealed record SocketPeerCred(Task Task, Cred Cred)
{
    /// <summary>init_peercred: the calling process and its current credentials.</summary>
    public static SocketPeerCred Of(Task task) => new(task, task.Cred);
}
