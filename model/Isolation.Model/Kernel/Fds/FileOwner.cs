using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Kernel.Fds;

/// <summary>An open file's owner for SIGIO/SIGURG (struct fown_struct).</summary>
/// <param name="Task">The process signalled.</param>
/// <param name="Uid">The real uid of whoever set the owner.</param>
/// <param name="Euid">Their effective uid.</param>
/// <remarks>fs/fcntl.c __f_setown, sigio_perm (6.12).</remarks>
public sealed record FileOwner(Task Task, int Uid, int Euid);
