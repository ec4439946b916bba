using System.Collections.Immutable;

namespace Isolation.Solver.Smt;

/// <summary>One solver's answer to one query.</summary>
/// <param name="Solver">The solver's name: <c>z3</c> (in process), <c>z3-process</c>, <c>cvc5</c>.</param>
/// <param name="Status">Sat, unsat or unknown.</param>
/// <param name="Model">For sat, the value of every input of the query, as bits.</param>
/// <param name="Reason">For unknown, why (the solver's reason or the error it printed).</param>
/// <param name="Elapsed">Wall time of the check.</param>
public sealed record SmtAnswer(string Solver, SmtStatus Status, ImmutableDictionary<string, UInt128> Model, string? Reason, TimeSpan Elapsed);
