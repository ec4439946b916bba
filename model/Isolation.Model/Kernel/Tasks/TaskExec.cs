using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Tasks;

/// <summary>
/// execve of the scenario's own program, which has no set-id bit and no file capabilities (the
/// trace format re-executes the same logical process: a set-uid program would need a second real
/// binary the runner could continue the scenario in, so the model has none).
/// </summary>
/// <remarks>fs/exec.c bprm_execve, begin_new_exec, setup_new_exec (6.12); kernel/cred.c prepare_exec_creds.</remarks>
public static class TaskExec
{
    /// <summary>
    /// Runs the exec in Linux's order: bprm_creds_for_exec and bprm_check_security (either may
    /// refuse, and nothing has changed yet), the new credentials (the capability module's, then the
    /// modules' bprm_creds_from_file, which may still refuse), then past the
    /// point of no return: close-on-exec descriptors closed, dumpability recomputed (dumpable unless
    /// the old euid or egid differs from the real one), the address space's user namespace set,
    /// bprm_committing_creds, the credentials committed, bprm_committed_creds. Ignored signals
    /// stay ignored; nothing else of the signal state exists to reset.
    /// </summary>
    public static Errno Execve(KernelState kernel, Task task, string path)
    {
        var old = task.Cred;
        var bprm = new Binprm(task, path, old with { Suid = old.Euid, Fsuid = old.Euid, Sgid = old.Egid, Fsgid = old.Egid });
        var error = kernel.Security.BprmCredsForExec(bprm);
        if (error == Errno.None)
        {
            error = kernel.Security.BprmCheckSecurity(bprm);
        }

        if (error != Errno.None)
        {
            return error;
        }

        CommonCap.BprmCredsFromFile(kernel, task, bprm);
        error = kernel.Security.BprmCredsFromFile(bprm);
        if (error != Errno.None)
        {
            return error;
        }

        foreach (var fd in task.Files.CloseOnExecNumbers())
        {
            if (task.Files.Remove(fd) is { } file)
            {
                kernel.PutFile(file);
            }
        }

        task.Dumpable = old.Euid == old.Uid && old.Egid == old.Gid ? Prctl.SuidDumpUser : CredCommit.SuidDumpable;
        task.MmUserNs = old.UserNs;
        task.Mm.Release();
        task.Mm = new();
        if (bprm.Secureexec)
        {
            task.PdeathSignal = 0;
        }

        kernel.Security.BprmCommittingCreds(bprm);
        CredCommit.Commit(task, bprm.NewCred);
        kernel.Security.BprmCommittedCreds(bprm);
        return Errno.None;
    }
}
