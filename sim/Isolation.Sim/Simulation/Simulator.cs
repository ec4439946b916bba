using System.Collections.Immutable;
using Isolation.Model.Kernel;
using Isolation.Model.Syscalls;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Simulation;

/// <summary>
/// Runs a scenario against the model: boots a kernel for the scenario's environment, runs every
/// event in file order as the process it names, and produces the trace the model answers with
/// (same lines, with each result and output argument as the model computed them).
/// </summary>
public static class Simulator
{
    /// <summary>The key of the magic first line <c># isolation-trace 1</c>.</summary>
    public const string MagicKey = "isolation-trace";

    /// <summary>
    /// Runs <paramref name="scenario"/>; <paramref name="designOverride"/> replaces its <c># design:</c>,
    /// and <paramref name="afterStep"/>, if given, sees the kernel after every event.
    /// </summary>
    public static SimulationResult Run(TraceFile scenario, string? designOverride = null, Action<KernelState, Step>? afterStep = null)
    {
        var environment = RunEnvironment.FromHeader(scenario, designOverride);
        var kernel = environment.Boot();
        var steps = ImmutableArray.CreateBuilder<Step>();
        var lines = ImmutableArray.CreateBuilder<TraceLine>(scenario.Lines.Length + 1);
        var designWritten = false;
        foreach (var line in scenario.Lines)
        {
            switch (line)
            {
                case EventLine ev:
                    var step = RunEvent(kernel, ev);
                    afterStep?.Invoke(kernel, step);
                    steps.Add(step);
                    lines.Add(step.Answered);
                    break;
                case HeaderLine { Key: "design" } h:
                    lines.Add(h with { Value = environment.DesignSpec });
                    designWritten = true;
                    break;
                default:
                    lines.Add(line);
                    break;
            }
        }

        if (!designWritten)
        {
            InsertDesignHeader(lines, environment.DesignSpec, scenario.Path);
        }

        if (lines.Count == 0 || lines[0] is not HeaderLine { Key: MagicKey })
        {
            lines.Insert(0, new HeaderLine(MagicKey, "1", new SourceSpan(scenario.Path, 0, 0)));
        }

        return new SimulationResult(environment, steps.ToImmutable(), new TraceFile(scenario.Path, lines.ToImmutable()));
    }

    /// <summary>Runs one event as the process it names.</summary>
    public static Step RunEvent(KernelState kernel, EventLine ev)
    {
        var task = kernel.FindTask(ev.Process)
            ?? throw new TraceException(ev.Span, $"unknown process '{ev.Process}': no call so far made it");
        if (!task.IsAlive)
        {
            throw new TraceException(ev.Span, $"process {ev.Process} has exited and can make no more calls");
        }

        if (task.Stopped)
        {
            throw new TraceException(ev.Span, $"process {ev.Process} is stopped (SIGSTOP) and can make no call until SIGCONT");
        }

        var outcome = kernel.Execute(task, ev);
        return new Step(ev, outcome, Answer(ev, outcome));
    }

    /// <summary>The event line as the model prints it: its outputs in place and its result.</summary>
    public static EventLine Answer(EventLine ev, SyscallOutcome outcome)
    {
        var args = ev.Args;
        if (!outcome.Outputs.IsEmpty)
        {
            var builder = args.ToBuilder();
            foreach (var (index, value) in outcome.Outputs)
            {
                if (index < builder.Count)
                {
                    builder[index] = value;
                }
            }

            args = builder.ToImmutable();
        }

        return ev with { Args = args, Result = outcome.Result };
    }

    private static void InsertDesignHeader(ImmutableArray<TraceLine>.Builder lines, string design, string path)
    {
        var header = new HeaderLine("design", design, new SourceSpan(path, 0, 0));
        var at = 0;
        while (at < lines.Count && lines[at] is HeaderLine or CommentLine)
        {
            at++;
        }

        lines.Insert(at, header);
    }
}
