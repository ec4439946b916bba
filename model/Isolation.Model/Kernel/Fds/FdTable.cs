using Isolation.Traces;

namespace Isolation.Model.Kernel.Fds;

/// <summary>
/// A file descriptor table (files_struct): descriptors numbered as Linux numbers them, lowest
/// free number first, each with its close-on-exec bit.
/// </summary>
/// <remarks>fs/file.c (6.12): alloc_fd, do_dup2, close_fd.</remarks>
public sealed class FdTable
{
    /// <summary>RLIMIT_NOFILE's usual soft limit, which bounds descriptor numbers (EMFILE, EBADF for dup2).</summary>
    public const int DefaultLimit = 1024;

    private readonly SortedDictionary<int, (OpenFile File, bool CloseOnExec)> _slots = [];

    /// <summary>The descriptors in use, in ascending order.</summary>
    public IEnumerable<int> Numbers => _slots.Keys;

    /// <summary>The open file behind <paramref name="fd"/>, or null (EBADF).</summary>
    public OpenFile? Get(int fd) => _slots.TryGetValue(fd, out var s) ? s.File : null;

    /// <summary>Whether <paramref name="fd"/> has FD_CLOEXEC.</summary>
    public bool IsCloseOnExec(int fd) => _slots.TryGetValue(fd, out var s) && s.CloseOnExec;

    /// <summary>Sets or clears FD_CLOEXEC on an open descriptor.</summary>
    public void SetCloseOnExec(int fd, bool value)
    {
        if (_slots.TryGetValue(fd, out var s))
        {
            _slots[fd] = (s.File, value);
        }
    }

    /// <summary>The lowest free descriptor at or above <paramref name="minimum"/>, or -1 if none below <paramref name="limit"/> (RLIMIT_NOFILE).</summary>
    public int LowestFree(int minimum = 0, int limit = DefaultLimit)
    {
        for (var fd = minimum; fd < limit; fd++)
        {
            if (!_slots.ContainsKey(fd))
            {
                return fd;
            }
        }

        return -1;
    }

    /// <summary>Installs <paramref name="file"/> at the lowest free number below <paramref name="limit"/>; EMFILE when there is none.</summary>
    public (int Fd, Errno Error) Install(OpenFile file, bool closeOnExec, int minimum = 0, int limit = DefaultLimit)
    {
        var fd = LowestFree(minimum, limit);
        if (fd < 0)
        {
            return (-1, Errno.EMFILE);
        }

        InstallAt(fd, file, closeOnExec);
        return (fd, Errno.None);
    }

    /// <summary>
    /// Puts <paramref name="file"/> at <paramref name="fd"/>, returning the file that was there (to be
    /// released by the caller after the swap, as do_dup2 does) or null.
    /// </summary>
    public OpenFile? InstallAt(int fd, OpenFile file, bool closeOnExec)
    {
        var old = Get(fd);
        file.References++;
        _slots[fd] = (file, closeOnExec);
        return old;
    }

    /// <summary>Removes <paramref name="fd"/> from the table and returns its file (not yet released), or null.</summary>
    public OpenFile? Remove(int fd)
    {
        if (!_slots.Remove(fd, out var s))
        {
            return null;
        }

        return s.File;
    }

    /// <summary>A copy for fork: same open files (references taken), same close-on-exec bits.</summary>
    public FdTable CloneForFork()
    {
        var copy = new FdTable();
        foreach (var (fd, (file, cloexec)) in _slots)
        {
            copy.InstallAt(fd, file, cloexec);
        }

        return copy;
    }

    /// <summary>The descriptors with FD_CLOEXEC, which exec closes.</summary>
    public IReadOnlyList<int> CloseOnExecNumbers() => _slots.Where(s => s.Value.CloseOnExec).Select(s => s.Key).ToList();
}
