using Isolation.Model.Designs.TaskLookup;
using Isolation.Model.Rules;
using Isolation.Properties.Stated;

namespace Isolation.Properties.Designs.TaskLookup;

/// <summary>task-lookup's claims over the inputs of <see cref="DomainRules"/>.</summary>
/// <remarks>Seed 001_5a97e7f75b7324ae.txt.</remarks>
public static class TaskLookupStatedRules
{
    private static Expr Confined => Expr.Ne(DomainRules.CallerDomain.Var, Expr.Bv(0, 8));

    /// <summary>A task in a jail domain finds only its own domain's tasks.</summary>
    public static StatedRule Lookup { get; } = new(
        TaskLookupDesign.Name,
        $"{TaskLookupDesign.Name}/hidden-from-listing",
        "task_lookup",
        TaskLookupDesign.Source,
        "Hallyn, RFC: jail functionality: a task_lookup hook so that a process in a jail does not see processes outside it in /proc (jail2_t may look up only jail2_t)",
        Confined & Expr.Ne(DomainRules.CallerDomain.Var, DomainRules.OtherDomain.Var));

    /// <summary>A confined task cannot name another domain for its next exec: the confinement only grows.</summary>
    public static StatedInvariant NoEscape { get; } = new(
        TaskLookupDesign.Name,
        $"{TaskLookupDesign.Name}/no-setexec-in-jail",
        "setprocattr",
        TaskLookupDesign.Source,
        "the jail2_t policy: allow jail2_t jail2_t:process ~{ … setexec … } (a confined task may not set its exec domain)",
        Expr.Implies(Confined, Decision.Denies(DomainRules.Setprocattr.Body)))
    {
        IsMonotonicity = true,
    };
}
