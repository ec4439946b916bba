using Isolation.Traces.Syntax;

namespace Isolation.Traces.Strace;

/// <summary>
/// Gives the numeric pids of a raw strace file logical names p1, p2, … in order of first
/// appearance; a pid first seen as the result of fork/vfork/clone/clone3 is named there.
/// </summary>
/// <remarks>
/// Lines without a pid belong to p1, or, once p1 has a known pid, to the only traced process
/// still alive (strace -f writing to a terminal drops the prefix while one process is traced).
/// p1 may have no known pid at first (strace without -f): the first unknown pid in a prefix, or
/// the value p1's own getpid()/gettid()/set_tid_address() returns, becomes its pid.
/// </remarks>
internal sealed class PidNames
{
    private readonly Dictionary<long, string> _byPid = [];
    private readonly HashSet<long> _onlyArgument = [];
    private readonly HashSet<string> _alive = [];
    private int _count;
    private bool _firstWithoutPid;

    /// <summary>The process a line with <paramref name="pid"/> (null: no prefix) belongs to.</summary>
    public string ForLine(long? pid)
    {
        if (pid is not { } p)
        {
            if (_count == 0)
            {
                _firstWithoutPid = true;
                return Alive(Next());
            }

            return _alive.Count == 1 ? _alive.First() : ProcessNames.First;
        }

        if (_byPid.TryGetValue(p, out string? name))
        {
            return _onlyArgument.Remove(p) ? Alive(name) : name;
        }

        if (_firstWithoutPid)
        {
            _firstWithoutPid = false;
            _byPid[p] = ProcessNames.First;
            return ProcessNames.First;
        }

        return Alive(_byPid[p] = Next());
    }

    /// <summary>The name of the child a fork-like call returned; a pid reused after an exit gets a new name.</summary>
    public string Created(long pid)
    {
        if (_byPid.TryGetValue(pid, out string? name) && _onlyArgument.Remove(pid))
        {
            return Alive(name);
        }

        return Alive(_byPid[pid] = Next());
    }

    /// <summary>The name for a pid passed as an argument (<c>kill(1235, SIGKILL)</c>).</summary>
    public string ForArgument(long pid)
    {
        if (_byPid.TryGetValue(pid, out string? name))
        {
            return name;
        }

        _onlyArgument.Add(pid);
        return _byPid[pid] = Next();
    }

    /// <summary>Learns that <paramref name="process"/> has <paramref name="pid"/>, if p1 had no known pid yet.</summary>
    public void Learn(string process, long pid)
    {
        if (_firstWithoutPid && process == ProcessNames.First && !_byPid.ContainsKey(pid))
        {
            _firstWithoutPid = false;
            _byPid[pid] = process;
        }
    }

    /// <summary>Records that <paramref name="process"/> exited or was killed.</summary>
    public void Exited(string process) => _alive.Remove(process);

    private string Next() => ProcessNames.Of(++_count);

    private string Alive(string name)
    {
        _alive.Add(name);
        return name;
    }
}
