using System.Collections.Immutable;
using Isolation.Sim.Simulation;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Replay;

/// <summary>
/// Replays a trace (or a scenario with expected results) against the model and reports every
/// line where the model's answer — result and output arguments — differs from the one written.
/// A line expecting <c>= ?</c> checks nothing.
/// </summary>
public static class Replayer
{
    /// <summary>Replays a parsed file; input errors are reported in the result, not thrown.</summary>
    public static ReplayResult Replay(TraceFile trace, string? designOverride = null)
    {
        SimulationResult run;
        try
        {
            run = Simulator.Run(trace, designOverride);
        }
        catch (TraceException e)
        {
            return new ReplayResult(trace.Path, trace.Events.Count(), [], e.Diagnostic);
        }

        var mismatches = ImmutableArray.CreateBuilder<Mismatch>();
        foreach (var step in run.Steps)
        {
            if (Compare(step) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        }

        return new ReplayResult(trace.Path, run.Steps.Length, mismatches.ToImmutable(), null);
    }

    /// <summary>The mismatch on one step, or null when the model agrees with what is written.</summary>
    public static Mismatch? Compare(Step step)
    {
        var written = step.Written;
        if (written.Result is UnknownResult)
        {
            return null;
        }

        var resultAgrees = SameResult(written.Result, step.Outcome.Result);
        var differingOutputs = step.Outcome.Outputs
            .Where(o => o.Key < written.Args.Length && !SameOutput(written.Args[o.Key], o.Value))
            .OrderBy(o => o.Key)
            .ToList();
        if (resultAgrees && differingOutputs.Count == 0)
        {
            return null;
        }

        return new Mismatch(
            written.Span,
            written.Process,
            written.Call,
            Describe(written, differingOutputs.Select(o => o.Key), resultAgrees, written.Args),
            Describe(written, differingOutputs.Select(o => o.Key), resultAgrees, step.Answered.Args, step.Outcome.Result));
    }

    private static string Describe(EventLine ev, IEnumerable<int> outputs, bool resultAgrees, ImmutableArray<Expr> args, CallResult? result = null)
    {
        var parts = outputs.Select(i => $"argument {i + 1} {TracePrinter.PrintExpr(args[i])}").ToList();
        if (!resultAgrees || parts.Count == 0)
        {
            parts.Add("= " + TracePrinter.PrintResult(result ?? ev.Result));
        }

        return string.Join(", ", parts);
    }

    private static bool SameResult(CallResult expected, CallResult actual) => (expected, actual) switch
    {
        (ValueResult e, ValueResult a) => e.Value == a.Value,
        (ErrorResult e, ErrorResult a) => e.Errno == a.Errno,
        (ProcessResult e, ProcessResult a) => e.Process == a.Process,
        (UnknownResult, _) => true,
        _ => false,
    };

    /// <summary>
    /// Output arguments agree when they print the same; a string strace truncated (<c>"abc"...</c>)
    /// agrees with any string it is a prefix of.
    /// </summary>
    private static bool SameOutput(Expr expected, Expr actual)
    {
        if (expected is StringExpr { Truncated: true } e && actual is StringExpr a)
        {
            return a.Bytes.Length >= e.Bytes.Length && a.Bytes.AsSpan(0, e.Bytes.Length).SequenceEqual(e.Bytes.AsSpan());
        }

        return TracePrinter.PrintExpr(Unannotated(expected)) == TracePrinter.PrintExpr(Unannotated(actual));
    }

    private static Expr Unannotated(Expr expr) => expr is AnnotatedExpr a ? a.Inner : expr;
}
