using System.Globalization;
using System.Text;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fs;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// <c>cgroup.procs</c>: reading lists the processes in the cgroup; writing a pid (0 for the
/// writer itself) moves that process into it, if the file's opener may write the
/// <c>cgroup.procs</c> of the common ancestor and every controller's can_attach agrees.
/// </summary>
/// <remarks>kernel/cgroup/cgroup.c (6.12): cgroup_procs_show, cgroup_procs_write, __cgroup_procs_write,
/// cgroup_procs_write_start, cgroup_procs_write_permission, cgroup_may_write, cgroup_migrate_execute.</remarks>
public static class CgroupProcs
{
    /// <summary>The file name.</summary>
    public const string FileName = "cgroup.procs";

    /// <summary>One pid per line, as the model numbers pids (<see cref="Task.Pid"/>).</summary>
    public static byte[] Show(CgroupHierarchy hierarchy, Cgroup cgroup) =>
        Encoding.ASCII.GetBytes(string.Concat(hierarchy.Procs(cgroup).Select(t => t.Pid.ToString(CultureInfo.InvariantCulture) + "\n")));

    /// <summary>
    /// __cgroup_procs_write: EINVAL unless the text is a non-negative int (kstrtoint after strstrip),
    /// ESRCH for a pid nobody has; then the permission check with the opener's credentials
    /// (override_creds(of->file->f_cred)): write permission on the common ancestor's cgroup.procs;
    /// then, for a live task that really changes cgroup, each controller's can_attach with the
    /// writer's own credentials (the first error wins), and the move.
    /// </summary>
    public static Errno Write(KernelState kernel, Task current, Cred opener, Cgroup destination, ReadOnlySpan<byte> buffer)
    {
        if (!KernelStrings.TryParseInt(KernelStrings.Strim(buffer), out var pid) || pid < 0)
        {
            return Errno.EINVAL;
        }

        var task = pid == 0 ? current : kernel.Tasks.FirstOrDefault(t => t.Pid == pid);
        if (task is null)
        {
            return Errno.ESRCH;
        }

        var hierarchy = destination.Hierarchy;
        var source = hierarchy.CgroupOf(task);
        var common = source;
        while (!destination.IsDescendantOf(common))
        {
            common = common.Parent!;
        }

        var error = WithCred(current, opener, () => InodePermissions.Check(kernel, current, common.Directory.ProcsFile, MayMask.Write));
        if (error != Errno.None)
        {
            return error;
        }

        // cgroup_migrate_add_task skips an exiting task, and a task already in the destination
        // keeps its css_set: with nothing to migrate no can_attach runs and the write succeeds.
        if (!task.IsAlive || source == destination)
        {
            return Errno.None;
        }

        foreach (var ss in hierarchy.Subsystems)
        {
            error = ss.CanAttach(kernel, current, task, destination);
            if (error != Errno.None)
            {
                return error;
            }
        }

        hierarchy.Move(task, destination);
        return Errno.None;
    }

    /// <summary>override_creds/revert_creds: runs <paramref name="check"/> as if <paramref name="task"/> had <paramref name="cred"/>.</summary>
    private static Errno WithCred(Task task, Cred cred, Func<Errno> check)
    {
        var saved = task.Cred;
        task.Cred = cred;
        try
        {
            return check();
        }
        finally
        {
            task.Cred = saved;
        }
    }
}
