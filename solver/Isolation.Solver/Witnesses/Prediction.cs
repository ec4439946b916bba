using Isolation.Traces;

namespace Isolation.Solver.Witnesses;

/// <summary>What the solver predicts one design answers to a witness's decisive call.</summary>
/// <param name="Design">The design the scenario runs under.</param>
/// <param name="Text">The scenario, every result <c>?</c>, for that design (entry moves differ between designs).</param>
/// <param name="Event">The index (from 0) of the decisive event among the scenario's events.</param>
/// <param name="Denied">The errno the hooks refuse it with, or <see cref="Errno.None"/> when they let it through.</param>
/// <param name="Refused">For a call the hooks let through, the errno it must not fail with (the other side's refusal).</param>
public sealed record Prediction(string Design, string Text, int Event, Errno Denied, Errno Refused);
