using Isolation.Model.Kernel;
using Isolation.Sim.Simulation;

namespace Isolation.Properties;

/// <summary>
/// Watches one run for one property: told of every step after the kernel ran it, it returns null
/// while the property holds and the reason as soon as it does not. A fresh monitor per run.
/// </summary>
public abstract class PropertyMonitor
{
    /// <summary>Called after step <paramref name="index"/> ran; returns why the property fails, or null.</summary>
    public abstract string? OnStep(KernelState kernel, int index, Step step);
}
