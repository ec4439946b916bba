using System.Collections.Immutable;

namespace Isolation.Check.Universe;

/// <summary>
/// A family of calls the explorer draws programs from (<c>unix</c>, <c>ptrace</c>, …), as call
/// templates with holes: <c>{sockfd}</c> a socket the caller holds (<c>{unixfd}</c>, <c>{inetfd}</c>
/// one of that domain: a call with an address of another family only fails), <c>{proc}</c> another live
/// process, <c>{unix}</c> and <c>{inet}</c> an address of the universe.
/// </summary>
/// <param name="Name">The family's name on the command line and in threat models.</param>
/// <param name="Calls">The templates.</param>
/// <param name="LocalCalls">The templates whose call changes only the caller's own state (a new socket in its own table).</param>
public sealed record CallFamily(string Name, ImmutableArray<string> Calls, ImmutableArray<string> LocalCalls = default)
{
    /// <summary>Whether <paramref name="template"/> changes only the caller's own state.</summary>
    public bool IsLocal(string template) => !LocalCalls.IsDefault && LocalCalls.Contains(template);
}
