using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Tasks;

namespace Isolation.Properties.Kinds;

/// <summary>
/// What "restricted" means in one design (jailed, network off, in a non-root container, landlocked),
/// as a predicate over the model's state: the generic property kinds are written against it.
/// </summary>
/// <param name="Name">How reports name the state: <c>jailed</c>, <c>network off</c>.</param>
/// <param name="Applies">Whether the task is restricted now.</param>
public sealed record Restriction(string Name, Func<KernelState, Task, bool> Applies);
