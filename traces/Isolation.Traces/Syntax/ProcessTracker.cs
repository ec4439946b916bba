namespace Isolation.Traces.Syntax;

/// <summary>
/// Checks the process column of a trace in this project's format: the first process is p1, and
/// any other appears only after a line whose result named it (<c>= p2</c>).
/// </summary>
internal sealed class ProcessTracker
{
    private readonly HashSet<string> _known = [];

    /// <summary>Checks that <paramref name="name"/>, read at <paramref name="span"/>, may run a call here.</summary>
    public void Use(string name, SourceSpan span)
    {
        if (_known.Count == 0)
        {
            if (name != ProcessNames.First)
            {
                throw new TraceException(span, $"the first process must be {ProcessNames.First}, not {name}");
            }

            _known.Add(name);
            return;
        }

        if (!_known.Contains(name))
        {
            throw new TraceException(span, $"unknown process {name}: no earlier line's result names it (= {name})");
        }
    }

    /// <summary>Records that a result named <paramref name="name"/>.</summary>
    public void Create(string name) => _known.Add(name);
}
