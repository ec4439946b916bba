namespace Isolation.Model.Designs.PrctlNetwork;

/// <summary>The value of <c>current-&gt;network</c> of one task: a module blob, replaced whole on every change and shared by a forked child until either changes it.</summary>
/// <param name="Value">The PR_NETWORK_* flag bits; 0 (PR_NETWORK_ON) at boot.</param>
public sealed record NetworkFlags(ulong Value);
