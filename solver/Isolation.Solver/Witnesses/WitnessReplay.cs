using Isolation.Sim.Simulation;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Solver.Witnesses;

/// <summary>
/// Runs a witness's scenarios in the simulator and compares the decisive call's answer with the
/// solver's prediction: the errno the hooks refuse it with, or, when they let it through, anything
/// but the errno the other side refuses it with.
/// </summary>
public static class WitnessReplay
{
    /// <summary>The outcome of one prediction: whether it came true, what the model answered, and the answered trace.</summary>
    /// <param name="Prediction">The prediction.</param>
    /// <param name="Answer">The decisive call's errno in the model (<see cref="Errno.None"/> for success).</param>
    /// <param name="Trace">The scenario with the model's answers, which replays as it is.</param>
    public sealed record Outcome(Prediction Prediction, Errno Answer, string Trace)
    {
        /// <summary>Whether the model answered as the solver predicted.</summary>
        public bool Holds => Prediction.Denied != Errno.None ? Answer == Prediction.Denied : Answer != Prediction.Refused;
    }

    /// <summary>Runs <paramref name="prediction"/>'s scenario.</summary>
    public static Outcome Run(Prediction prediction, string path)
    {
        var result = Simulator.Run(TraceParser.Parse(prediction.Text, path));
        var answer = result.Steps[prediction.Event].Outcome.Result is ErrorResult error ? error.Errno : Errno.None;
        return new Outcome(prediction, answer, TracePrinter.Print(result.Trace));
    }
}
