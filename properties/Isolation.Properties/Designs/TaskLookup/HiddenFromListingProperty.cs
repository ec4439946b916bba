using Isolation.Model.Designs.TaskLookup;
using Isolation.Model.Kernel;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Properties.Designs.TaskLookup;

/// <summary>task-lookup/hidden-from-listing: a listing of /proc by a task in a domain names no task of another domain.</summary>
public static class HiddenFromListingProperty
{
    /// <summary>Makes the property.</summary>
    public static Property Create(string source, string quote) =>
        new($"{TaskLookupDesign.Name}/hidden-from-listing", TaskLookupDesign.Name, source, quote, () => new Monitor());

    private sealed class Monitor : PropertyMonitor
    {
        public override string? OnStep(KernelState kernel, int index, Step step)
        {
            if (step.Written.Call != "getdents64" || kernel.FindTask(step.Written.Process) is not { } caller)
            {
                return null;
            }

            var listed = step.Outcome.Outputs.Values.OfType<ArrayExpr>().SelectMany(a => a.Items).OfType<SymbolExpr>();
            var seen = listed.Select(s => kernel.FindTask(s.Name)).FirstOrDefault(t => t is not null && !TaskLookupProperties.MaySee(kernel, caller, t));
            return seen is null ? null : $"{caller.Name} listed {seen.Name} of another domain";
        }
    }
}
