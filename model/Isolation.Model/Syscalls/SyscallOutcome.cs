using System.Collections.Immutable;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// What a system call answered: its result, and the output arguments the kernel filled in (by
/// argument index), which the printer writes in place of the scenario's templates.
/// </summary>
public sealed record SyscallOutcome(CallResult Result, ImmutableDictionary<int, Expr> Outputs)
{
    /// <summary>Success with <paramref name="value"/>.</summary>
    public static SyscallOutcome Ok(long value = 0) => new(ValueResult.Of(value), ImmutableDictionary<int, Expr>.Empty);

    /// <summary>Failure with <paramref name="errno"/>.</summary>
    public static SyscallOutcome Fail(Errno errno) => new(ErrorResult.Of(errno), ImmutableDictionary<int, Expr>.Empty);

    /// <summary>A call that made <paramref name="child"/> (fork, clone, vfork).</summary>
    public static SyscallOutcome Child(Task child) => new(new ProcessResult(child.Name, SourceSpan.None), ImmutableDictionary<int, Expr>.Empty);

    /// <summary>A call that does not return (exit_group): <c>= ?</c>.</summary>
    public static SyscallOutcome NoReturn { get; } = new(UnknownResult.Model, ImmutableDictionary<int, Expr>.Empty);

    /// <summary>Whether the call failed.</summary>
    public bool IsError => Result is ErrorResult;

    /// <summary>The same outcome with argument <paramref name="index"/> printed as <paramref name="value"/>.</summary>
    public SyscallOutcome WithOutput(int index, Expr value) => this with { Outputs = Outputs.SetItem(index, value) };
}
