using System.Diagnostics;

namespace Isolation.Traces.Tests;

/// <summary>
/// Measures the processor time the process spends (parser and garbage collector) rather than wall
/// time, so that timing tests hold on a loaded build machine; both are reported.
/// </summary>
internal static class CpuClock
{
    /// <summary>The processor and wall time of <paramref name="action"/>, in milliseconds.</summary>
    public static (double Cpu, double Wall) Measure(Action action)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        action();
        return ((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds, wall.Elapsed.TotalMilliseconds);
    }

    /// <summary>The least processor time of <paramref name="runs"/> runs, each from a freshly collected heap, with its wall time.</summary>
    public static (double Cpu, double Wall) Best(int runs, Action action) =>
        Enumerable.Range(0, runs).Select(_ =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return Measure(action);
        }).MinBy(m => m.Cpu);
}
