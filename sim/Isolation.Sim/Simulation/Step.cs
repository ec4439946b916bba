using Isolation.Model.Syscalls;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Simulation;

/// <summary>One event of a run: the line as written, what the model answered, and the line as the model prints it.</summary>
public sealed record Step(EventLine Written, SyscallOutcome Outcome, EventLine Answered);
