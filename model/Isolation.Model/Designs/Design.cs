using System.Collections.Immutable;
using Isolation.Model.Lsm;

namespace Isolation.Model.Designs;

/// <summary>
/// One isolation design: its name (as in the CLI, trace headers, folders and patches), a one-line
/// summary, where it comes from, and how to make its security module.
/// </summary>
/// <param name="Name">The kebab-case name: <c>bsdjail</c>, <c>prctl-network-lsm</c>.</param>
/// <param name="Summary">One line for <c>isolation designs</c>.</param>
/// <param name="Source">The seed file or mainline source the design follows.</param>
/// <param name="CreateModule">Makes a fresh module for one kernel; null for <c>baseline</c>, the empty stack.</param>
public sealed record Design(string Name, string Summary, string Source, Func<SecurityModule>? CreateModule)
{
    /// <summary>How a process enters or configures the design, for the checker's programs; empty for <c>baseline</c>.</summary>
    public ImmutableArray<EntryMove> Entry { get; init; } = [];

    /// <summary>The decision rules its hooks evaluate, with the hook of each: what <c>isolation prove</c> reasons about.</summary>
    public ImmutableArray<Rules.HookRule> Rules { get; init; } = [];
}
