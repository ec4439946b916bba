using System.Collections.Immutable;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Simulation;

/// <summary>The model's run of one scenario: the environment, each step, and the trace it prints.</summary>
public sealed record SimulationResult(RunEnvironment Environment, ImmutableArray<Step> Steps, TraceFile Trace);
