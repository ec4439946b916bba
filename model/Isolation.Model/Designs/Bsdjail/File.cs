using Isolation.Model.Kernel.Fds;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>The SIGIO hooks: a file remembers the jail of whoever set its owner.</summary>
public sealed partial class BsdjailModule
{
    private void AddFileHooks(HookTable hooks)
    {
        hooks.FileSetFowner.Add(this, FileSetFowner);
        hooks.FileSendSigiotask.Add(this, FileSendSigiotask);
    }

    /// <summary>jail_file_set_fowner: the file takes the setter's <c>task-&gt;security</c> (none, set up, or enabled).</summary>
    private Errno FileSetFowner(Task task, OpenFile file)
    {
        SetBlob(file.Security, JailOf(task));
        return Errno.None;
    }

    /// <summary>
    /// jail_file_send_sigiotask: when the task whose I/O raises the signal is jailed, the signal
    /// reaches only a process whose jail is the one the owner's setter had (EPERM, so sigio_perm
    /// drops it); "we consider the process which set the fowner to be the one sending the signal".
    /// </summary>
    private Errno FileSendSigiotask(Task current, Task target, OpenFile file, int sig)
    {
        var ids = JailIds.Number(JailOf(current), Blob<Jail>(file.Security), JailOf(target));
        return JailRules.Sigio.Decide(Bits.Of(InJail(current)), ids[0], ids[1], ids[2]);
    }
}
