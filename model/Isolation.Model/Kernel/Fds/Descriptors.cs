using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Fds;

/// <summary>Descriptor allocation as the calls do it: bounded by the caller's RLIMIT_NOFILE soft limit.</summary>
/// <remarks>fs/file.c alloc_fd, get_unused_fd_flags (6.12).</remarks>
public static class Descriptors
{
    /// <summary>rlimit(RLIMIT_NOFILE): descriptor numbers must stay below it.</summary>
    public static int Limit(Task task) => (int)Math.Min(ResourceLimits.Get(task, Rlimits.NoFile).Cur, int.MaxValue);

    /// <summary>Installs <paramref name="file"/> in <paramref name="task"/>'s table at the lowest free number at or above <paramref name="minimum"/>; EMFILE when none is below the limit.</summary>
    public static (int Fd, Errno Error) Install(Task task, OpenFile file, bool closeOnExec, int minimum = 0) =>
        task.Files.Install(file, closeOnExec, minimum, Limit(task));

    /// <summary>Whether <paramref name="task"/> could get a new descriptor now (get_unused_fd_flags runs before the open itself).</summary>
    public static bool HasFree(Task task) => task.Files.LowestFree(0, Limit(task)) >= 0;
}
