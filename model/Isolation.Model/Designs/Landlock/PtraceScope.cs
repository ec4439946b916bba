using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.Landlock;

/// <summary>
/// The implicit ptrace restriction of security/landlock/task.c: a landlocked tracer may only trace
/// (or read through /proc) a task in its own domain or below it; a landlocked task may not make a
/// tracer outside its domain's ancestry trace it (PTRACE_TRACEME). EPERM. Any domain counts, whatever
/// it handles.
/// </summary>
/// <remarks>security/landlock/task.c hook_ptrace_access_check, hook_ptrace_traceme, task_ptrace, domain_scope_le (6.12).</remarks>
internal sealed class PtraceScope
{
    private readonly LandlockModule _module;

    /// <summary>The hooks of <paramref name="module"/>.</summary>
    public PtraceScope(LandlockModule module) => _module = module;

    /// <summary>Adds <c>ptrace_access_check</c> and <c>ptrace_traceme</c>.</summary>
    public void Register(HookTable hooks)
    {
        hooks.PtraceAccessCheck.Add(_module, (tracer, child, mode) => TaskPtrace(tracer, child));
        hooks.PtraceTraceme.Add(_module, TaskPtrace);
    }

    /// <summary>task_ptrace: allowed when <paramref name="parent"/> has no domain or its domain is an ancestor of (or is) <paramref name="child"/>'s.</summary>
    public Errno TaskPtrace(Task parent, Task child)
    {
        var parentDomain = _module.DomainOf(parent);
        return LandlockRules.Ptrace.Decide(
            Bits.Of(parentDomain is not null),
            Bits.Of(parentDomain is not null && _module.DomainOf(child) is { } childDomain && childDomain.IsWithin(parentDomain)));
    }
}
