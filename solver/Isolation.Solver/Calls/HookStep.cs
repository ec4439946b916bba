using Isolation.Model.Rules;

namespace Isolation.Solver.Calls;

/// <summary>One hook the kernel runs for a call, and when the call reaches it.</summary>
/// <param name="Hook">The hook's Linux name (or model hook point).</param>
/// <param name="Reach">When the kernel calls it (af_unix's checks only for AF_UNIX sockets and addresses).</param>
public sealed record HookStep(string Hook, Expr Reach);
