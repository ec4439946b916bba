using Isolation.Model.Kernel;
using Isolation.Model.Lsm;
using Isolation.Model.Syscalls;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Tests.Tasks;

/// <summary>A booted kernel that runs scenario lines one at a time and answers in trace notation.</summary>
internal sealed class ProcHarness
{
    /// <summary>Boots p1 as root, or as <paramref name="user"/>, under the given modules.</summary>
    public ProcHarness(int user = 0, params SecurityModule[] modules) =>
        Kernel = KernelState.Boot(new BootOptions([.. modules], "host", user));

    /// <summary>The kernel.</summary>
    public KernelState Kernel { get; }

    /// <summary>The task pN.</summary>
    public Task P(int n) => Kernel.FindTask("p" + n) ?? throw new InvalidOperationException($"no p{n}");

    /// <summary>Runs one event written as in a scenario, without its result: <c>p1 kill(p2, SIGUSR1)</c>.</summary>
    public SyscallOutcome Run(string line)
    {
        // The parser wants p1 first in a file; the line is parsed as p1's and then given to its process.
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var process = line[..space];
        var ev = TraceParser.Parse("# isolation-trace 1\np1 " + line[(space + 1)..] + " = ?\n", "test.trace").Events.Single() with { Process = process };
        return Kernel.Execute(Kernel.FindTask(process) ?? throw new InvalidOperationException($"no {process}"), ev);
    }

    /// <summary>Runs an event and gives its result as a trace prints it: <c>0</c>, <c>p2</c>, <c>EPERM</c>, <c>?</c>.</summary>
    public string R(string line) => Run(line).Result switch
    {
        ValueResult v => v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ProcessResult p => p.Process,
        ErrorResult e => e.Errno.ToString(),
        _ => "?",
    };

    /// <summary>Runs several events that must all succeed (setup steps).</summary>
    public void Setup(params string[] lines)
    {
        foreach (var line in lines)
        {
            var outcome = Run(line);
            Assert.False(outcome.IsError, $"setup step failed: {line} = {(outcome.Result as ErrorResult)?.Errno}");
        }
    }

    /// <summary>The output argument <paramref name="index"/> of an outcome, printed as in a trace.</summary>
    public static string Output(SyscallOutcome outcome, int index) => TracePrinter.PrintExpr(outcome.Outputs[index]);
}
