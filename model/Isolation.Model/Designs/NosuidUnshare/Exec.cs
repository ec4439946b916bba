using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.NosuidUnshare;

/// <summary>
/// "Disable executing suid applications": with the flag set, an exec that would raise the task's
/// privilege — a set-uid or set-gid bit that changes the effective id, or file capabilities that
/// add permitted ones — fails with EPERM before the point of no return.
/// </summary>
/// <remarks>
/// Seed 004 (Biederman: "a permanent disable of executing suid applications", "removal of the
/// ability to exec suid programs"; Seaborn: "a per-process flag that prevents a process from
/// exec'ing setuid executables"). In 6.12 the new credentials are known in bprm_creds_from_file
/// (fs/exec.c begin_new_exec, before de_thread), so that is the hook. EPERM, as every refusal of
/// this thread; mainline's no_new_privs instead runs the program without the gain.
/// </remarks>
internal static class Exec
{
    /// <summary>Adds bprm_creds_from_file.</summary>
    public static void Register(HookTable hooks, SecurityModule module, NosuidPrctl state) =>
        hooks.BprmCredsFromFile.Add(module, bprm => BprmCredsFromFile(state, bprm));

    /// <summary>EPERM when a task with the flag would gain an effective id or permitted capabilities by this exec.</summary>
    public static Errno BprmCredsFromFile(NosuidPrctl state, Binprm bprm)
    {
        var old = bprm.Task.Cred;
        var next = bprm.NewCred;
        return NosuidRules.Exec.Decide(
            Bits.Of(state.Get(bprm.Task).NoSuid),
            Bits.Of(old.Euid), Bits.Of(next.Euid), Bits.Of(old.Egid), Bits.Of(next.Egid),
            Bits.Of(old.Permitted.Bits), Bits.Of(next.Permitted.Bits));
    }
}
