using Isolation.Model.Designs.TaskLookup;
using Isolation.Properties.Designs.TaskLookup;

namespace Isolation.Properties.Tests.Designs.TaskLookup;

/// <summary>task-lookup's claims: the listing hides other domains; the entry by name does not.</summary>
public sealed class TaskLookupPropertyTests
{
    private const string Design = TaskLookupDesign.Name;

    [Theory]
    [InlineData("domain-sees-own-domain")]
    [InlineData("two-domains")]
    [InlineData("children-inherit-domain")]
    [InlineData("no-setexec-in-domain")]
    [InlineData("zombie-listed-to-domain")]
    [InlineData("exec-domain-inherited-by-fork")]
    [InlineData("same-name-same-domain")]
    public void Claims_HoldOnTheListing(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, TaskLookupProperties.All);

    [Theory]
    [InlineData("lookup-by-name-not-hidden")]
    [InlineData("parent-hidden-from-child")]
    public void ProcEntryByName_IsNotHidden(string scenario) =>
        SpecScenarios.AssertViolated(Design, scenario, TaskLookupProperties.All, "task-lookup/no-proc-entry-of-other-domain");
}
