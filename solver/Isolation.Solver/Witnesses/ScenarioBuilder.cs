using System.Globalization;
using System.Text;

namespace Isolation.Solver.Witnesses;

/// <summary>
/// Builds a witness scenario event by event, keeping each process's next descriptor number as
/// Linux hands them out (lowest free; 3 first, fork copies the table), so later lines can name them.
/// </summary>
public sealed class ScenarioBuilder
{
    private readonly List<string> _events = [];
    private readonly Dictionary<string, int> _nextFd = new() { ["p1"] = 3 };
    private int _processes = 1;

    /// <summary>The events so far.</summary>
    public IReadOnlyList<string> Events => _events;

    /// <summary>Adds a call by <paramref name="process"/> whose result the simulator fills in.</summary>
    public void Call(string process, string call) => _events.Add($"{process} {call} = ?");

    /// <summary>Forks <paramref name="parent"/> and returns the child's name.</summary>
    public string Fork(string parent)
    {
        var child = "p" + (++_processes).ToString(CultureInfo.InvariantCulture);
        _events.Add($"{parent} fork() = {child}");
        _nextFd[child] = _nextFd[parent];
        return child;
    }

    /// <summary>A call that returns a new descriptor; returns its number.</summary>
    public int Open(string process, string call)
    {
        var fd = _nextFd[process]++;
        Call(process, call);
        return fd;
    }

    /// <summary>Closes the last descriptor <paramref name="process"/> opened.</summary>
    public void CloseLast(string process)
    {
        var fd = --_nextFd[process];
        Call(process, $"close({fd.ToString(CultureInfo.InvariantCulture)})");
    }

    /// <summary>The scenario file: headers, then the events.</summary>
    public string Text(string title, string design, string source, int user = 1000)
    {
        var s = new StringBuilder();
        s.Append("# isolation-trace 1\n# scenario: ").Append(title).Append("\n# design: ").Append(design).Append('\n');
        if (user != 0)
        {
            s.Append("# user: ").Append(user.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        s.Append("# source: ").Append(source).Append('\n');
        foreach (var e in _events)
        {
            s.Append(e).Append('\n');
        }

        return s.ToString();
    }
}
