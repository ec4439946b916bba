namespace Isolation.Traces.Tests;

/// <summary>Tests that measure time run alone, after the others, so that parallel tests do not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "timing";
}
