using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>
/// One system call being run: the kernel, the calling task, and the event's arguments, with
/// readers that turn argument expressions into values or report file:line:col when they cannot.
/// </summary>
public sealed class SyscallContext
{
    /// <summary>Prepares to run <paramref name="call"/> for <paramref name="caller"/>.</summary>
    public SyscallContext(KernelState kernel, Task caller, EventLine call)
    {
        Kernel = kernel;
        Caller = caller;
        Call = call;
    }

    /// <summary>The kernel the call runs in.</summary>
    public KernelState Kernel { get; }

    /// <summary>The calling task (<c>current</c>).</summary>
    public Task Caller { get; }

    /// <summary>The event line being run.</summary>
    public EventLine Call { get; }

    /// <summary>The arguments as written.</summary>
    public ImmutableArray<Expr> Args => Call.Args;

    /// <summary>Requires between <paramref name="min"/> and <paramref name="max"/> arguments.</summary>
    public void Arity(int min, int max = -1)
    {
        if (max < 0)
        {
            max = min;
        }

        if (Args.Length < min || Args.Length > max)
        {
            var expected = min == max ? $"{min}" : $"{min} to {max}";
            throw new TraceException(Call.CallSpan, $"{Call.Call} takes {expected} argument{(max == 1 ? string.Empty : "s")}, got {Args.Length}");
        }
    }

    /// <summary>Argument <paramref name="index"/> as written (strace's inline comment removed).</summary>
    public Expr Arg(int index)
    {
        if (index >= Args.Length)
        {
            throw new TraceException(Call.CallSpan, $"{Call.Call} needs argument {index + 1}");
        }

        return Args[index] is AnnotatedExpr a ? a.Inner : Args[index];
    }

    /// <summary>Whether there is an argument <paramref name="index"/>.</summary>
    public bool Has(int index) => index < Args.Length;

    /// <summary>An integer argument; <c>NULL</c> reads as 0.</summary>
    public long Int(int index) => Arg(index) switch
    {
        IntExpr i => i.Value,
        SymbolExpr { Name: "NULL" } => 0,
        var e => throw Error(e, "expected a number"),
    };

    /// <summary>A file descriptor argument.</summary>
    public int Fd(int index) => checked((int)Int(index));

    /// <summary>A constant or or-ed set of constants from <paramref name="table"/>.</summary>
    public long Flags(int index, SymbolTable table) => table.Decode(Arg(index));

    /// <summary>Whether the argument is <c>NULL</c> (or 0).</summary>
    public bool IsNull(int index) => Arg(index) is SymbolExpr { Name: "NULL" } or IntExpr { Value: 0 };

    /// <summary>A string argument's bytes.</summary>
    public StringExpr String(int index) => Arg(index) as StringExpr ?? throw Error(Arg(index), "expected a string");

    /// <summary>A string argument as text (paths).</summary>
    public string Text(int index) => String(index).Text;

    /// <summary>
    /// A process argument: a logical name (<c>p2</c>) of a process that exists or existed in this
    /// run. A name never seen is an error in the scenario, not an errno.
    /// </summary>
    public Task Process(int index)
    {
        var arg = Arg(index);
        if (arg is SymbolExpr s && Kernel.FindTask(s.Name) is { } task)
        {
            return task;
        }

        throw Error(arg, arg is SymbolExpr sym ? $"unknown process '{sym.Name}'" : "expected a process name such as p2");
    }

    /// <summary>The open file behind descriptor argument <paramref name="index"/>, or a KernelError(EBADF).</summary>
    public OpenFile File(int index) => Caller.Files.Get(Fd(index)) ?? throw new KernelError(Errno.EBADF);

    /// <summary>An error at <paramref name="expr"/>'s place.</summary>
    public TraceException Error(Expr expr, string message) =>
        new(expr.Span == SourceSpan.None ? Call.Span : expr.Span, $"{Call.Call}: {message}");
}
