namespace Isolation.Model.Kernel;

/// <summary>
/// Marks a field that is bookkeeping about a run rather than kernel state (the event clock): two
/// kernels that differ only there behave alike from then on, and the checker's state fingerprint
/// leaves it out.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class NotStateAttribute : Attribute
{
}
