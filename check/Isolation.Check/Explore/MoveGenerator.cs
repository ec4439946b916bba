using System.Collections.Immutable;
using System.Globalization;
using Isolation.Check.Universe;
using Isolation.Model.Abi;
using Isolation.Model.Kernel.Sockets;

namespace Isolation.Check.Explore;

/// <summary>
/// The moves possible in a state: for every live process, every call of every family its threat
/// model allows, with every descriptor it holds, every other process and every address the symmetry
/// reduction leaves; then the design's entry moves. Always in the same order, so runs are reproducible.
/// </summary>
internal sealed class MoveGenerator(ProgramUniverse universe, bool symmetry)
{
    private readonly string _entryText = string.Join("\n", universe.EntryMoves.SelectMany(m => m.Calls));

    /// <summary>The moves from the state <paramref name="run"/> reached.</summary>
    public List<Move> Moves(ProgramRun run)
    {
        var kernel = run.Kernel;
        var programText = run.Text;
        var unix = Offered(universe.UnixAddresses, programText);
        var inet = Offered(universe.InetAddresses, programText);
        var inetBind = Offered(universe.InetBindAddresses, programText);
        var moves = new List<Move>();
        var live = kernel.Tasks.Where(t => t.IsAlive && !t.Stopped).ToList();
        foreach (var task in live)
        {
            var sockets = Sockets(task);
            var others = live.Where(t => t != task).Select(t => t.Name).ToList();
            foreach (var family in universe.Families)
            {
                if (!universe.Threat.Allows(task.Name, family.Name))
                {
                    continue;
                }

                foreach (var template in family.Calls)
                {
                    if (template == "fork()" && kernel.Tasks.Count >= universe.Processes)
                    {
                        continue;
                    }

                    foreach (var call in Fill(template, sockets, others, unix, inet, inetBind))
                    {
                        moves.Add(new Move(task.Name, family.Name, [call], family.IsLocal(template)));
                    }
                }
            }

            if (universe.Threat.Allows(task.Name, CallFamilies.Entry))
            {
                moves.AddRange(universe.EntryMoves.Select(m => new Move(task.Name, CallFamilies.Entry, m.Calls, Local: !m.Shared)));
            }
        }

        return moves;
    }

    /// <summary>The caller's sockets by hole: every socket, the AF_UNIX ones, the AF_INET ones.</summary>
    private static Dictionary<string, List<string>> Sockets(Isolation.Model.Kernel.Tasks.Task task)
    {
        var all = task.Files.Numbers.Order()
            .Select(fd => (Fd: fd.ToString(CultureInfo.InvariantCulture), Socket: task.Files.Get(fd)?.Object as Socket))
            .Where(s => s.Socket is not null)
            .ToList();
        return new(StringComparer.Ordinal)
        {
            ["{sockfd}"] = [.. all.Select(s => s.Fd)],
            ["{unixfd}"] = [.. all.Where(s => s.Socket!.Family == SocketAbi.AfUnix).Select(s => s.Fd)],
            ["{inetfd}"] = [.. all.Where(s => s.Socket!.Family == SocketAbi.AfInet).Select(s => s.Fd)],
        };
    }

    private static IEnumerable<string> Fill(string template, Dictionary<string, List<string>> sockets, List<string> others, List<string> unix, List<string> inet, List<string> inetBind)
    {
        IEnumerable<string> calls = [template];
        foreach (var (hole, fds) in sockets)
        {
            calls = Expand(calls, hole, fds);
        }

        calls = Expand(calls, "{proc}", others);
        calls = Expand(calls, "{unix}", unix);
        calls = Expand(calls, "{inetbind}", inetBind);
        return Expand(calls, "{inet}", inet);
    }

    private static IEnumerable<string> Expand(IEnumerable<string> calls, string hole, List<string> values) =>
        calls.SelectMany(c => c.Contains(hole, StringComparison.Ordinal) ? values.Select(v => c.Replace(hole, v, StringComparison.Ordinal)) : [c]);

    /// <summary>
    /// The values to offer: with symmetry, a value whose key neither the program nor the design's
    /// entry moves mention is offered only if it is the first such key of its group.
    /// </summary>
    private List<string> Offered(ImmutableArray<Value> values, string programText)
    {
        if (!symmetry)
        {
            return [.. values.Select(v => v.Text)];
        }

        var freshChosen = new Dictionary<string, string>(StringComparer.Ordinal);
        var offered = new List<string>();
        foreach (var value in values)
        {
            var used = programText.Contains(value.Key, StringComparison.Ordinal) || _entryText.Contains(value.Key, StringComparison.Ordinal);
            if (used || freshChosen.TryAdd(value.Group, value.Key) || freshChosen[value.Group] == value.Key)
            {
                offered.Add(value.Text);
            }
        }

        return offered;
    }
}
