using System.Collections.Immutable;

namespace Isolation.Solver.Witnesses;

/// <summary>A counterexample as runnable scenarios: one per design it speaks of, each with the predicted answer.</summary>
/// <param name="Name">A file-name stem: the obligation's id with <c>/</c> as <c>--</c>.</param>
/// <param name="Predictions">The scenarios and their predicted outcomes.</param>
public sealed record WitnessScenario(string Name, ImmutableArray<Prediction> Predictions);
