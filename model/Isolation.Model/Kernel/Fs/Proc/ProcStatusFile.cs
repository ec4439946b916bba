using System.Globalization;
using System.Text;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// An open <c>/proc/&lt;pid&gt;/status</c>. The model renders a short text, not Linux's full one:
/// <c>Name:\tp2\nState:\tS (sleeping)\nUid:\t…\nGid:\t…\n</c> with the real, effective, saved and
/// filesystem ids as the reader's user namespace sees them; State is R for the reader itself, Z
/// for a zombie, S otherwise.
/// </summary>
/// <remarks>fs/proc/array.c proc_pid_status, task_state (6.12).</remarks>
public sealed class ProcStatusFile : FileObject
{
    private readonly Task _task;

    /// <summary>Opens the status of <paramref name="task"/>.</summary>
    public ProcStatusFile(Task task) => _task = task;

    /// <inheritdoc/>
    public override bool CanSeek => true;

    /// <inheritdoc/>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count) =>
        FileContent.Read(file, Encoding.UTF8.GetBytes(Render(ctx.Caller)), count);

    private string Render(Task reader)
    {
        var ns = reader.Cred.UserNs;
        var c = _task.Cred;
        var state = _task.IsZombie ? "Z (zombie)" : _task == reader ? "R (running)" : "S (sleeping)";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Name:\t{_task.Name}\nState:\t{state}\n" +
            $"Uid:\t{ns.FromKuidMunged(c.Uid)}\t{ns.FromKuidMunged(c.Euid)}\t{ns.FromKuidMunged(c.Suid)}\t{ns.FromKuidMunged(c.Fsuid)}\n" +
            $"Gid:\t{ns.FromKgidMunged(c.Gid)}\t{ns.FromKgidMunged(c.Egid)}\t{ns.FromKgidMunged(c.Sgid)}\t{ns.FromKgidMunged(c.Fsgid)}\n");
    }
}
