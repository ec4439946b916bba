namespace Isolation.Model.Kernel.Netns;

/// <summary>The named network environments a scenario's <c># setup:</c> header selects.</summary>
public static class NetSetups
{
    /// <summary>The setup names the model provides.</summary>
    public static IReadOnlyList<string> Names { get; } = ["host", "netns"];

    /// <summary>Builds <paramref name="setup"/> in <paramref name="kernel"/> and returns p1's network namespace.</summary>
    public static NetNamespace Create(KernelState kernel, string setup) => kernel.InitNetNs;
}
