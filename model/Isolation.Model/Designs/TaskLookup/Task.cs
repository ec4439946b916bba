using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.TaskLookup;

/// <summary>The task hooks: the lookup check, inheritance at fork, and the domain transition at exec.</summary>
public sealed partial class TaskLookupModule
{
    private void AddTaskHooks(HookTable hooks)
    {
        hooks.TaskLookup.Add(this, TaskLookup);
        hooks.TaskAlloc.Add(this, TaskAlloc);
        hooks.BprmCommittingCreds.Add(this, BprmCommittingCreds);
    }

    /// <summary>
    /// selinux_task_lookup, <c>task_has_perm(current, p, PROCESS__TASKLOOKUP)</c> under the policy
    /// "allow jail2_t jail2_t:process ~{…}" with tasklookup among the allowed permissions, and
    /// unconfined allowed everything: a task in a domain may look up only tasks of that domain
    /// (EACCES, avc_has_perm's error, which get_tgid_list discards by skipping the task).
    /// </summary>
    private Errno TaskLookup(Task task, Task target)
    {
        var ids = DomainRules.Number(DomainOf(task).Current, DomainOf(target).Current);
        return DomainRules.TaskLookup.Decide(ids[0], ids[1]);
    }

    /// <summary>selinux_task_alloc_security: the child keeps its parent's domain and exec domain.</summary>
    private Errno TaskAlloc(Task parent, Task child, long cloneFlags)
    {
        SetBlob(child.Security, Blob<Domain>(parent.Security));
        return Errno.None;
    }

    /// <summary>
    /// The transition at exec, done once the exec cannot fail any more: the task enters the
    /// domain written to attr/exec, which is then cleared (SELinux resets exec_sid at exec).
    /// </summary>
    private void BprmCommittingCreds(Binprm bprm)
    {
        var domain = DomainOf(bprm.Task);
        if (domain.Exec is { } next)
        {
            SetBlob(bprm.Task.Security, new Domain(next == Domain.UnconfinedName ? null : next, null));
        }
    }
}
