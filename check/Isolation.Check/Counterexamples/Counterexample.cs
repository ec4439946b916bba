using System.Collections.Immutable;
using Isolation.Check.Explore;
using Isolation.Check.Universe;
using Isolation.Properties;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Counterexamples;

/// <summary>A program of the universe that breaks a property, and where and why it breaks it.</summary>
/// <param name="Property">The property broken.</param>
/// <param name="Universe">The universe the program comes from (design, setup, user).</param>
/// <param name="Events">The program's events, prologue included, with <c>= ?</c> results.</param>
/// <param name="Violation">The event that broke the property and the monitor's reason.</param>
public sealed record Counterexample(Property Property, ProgramUniverse Universe, ImmutableArray<EventLine> Events, Violation Violation);
