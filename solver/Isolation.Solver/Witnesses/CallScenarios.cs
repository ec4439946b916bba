using System.Globalization;
using System.Text;
using Isolation.Model.Abi;
using Isolation.Model.Designs;
using Isolation.Model.Designs.Bsdjail;
using Isolation.Model.Designs.Landlock;
using Isolation.Model.Designs.SocketTable;
using Isolation.Model.Designs.NetContainer;
using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Solver.Witnesses;

/// <summary>
/// Writes the scenario of a witness for the calls the stated rules speak of: the processes and
/// sockets the call needs, the design's entry move for every task the model restricts, then the
/// decisive call. Returns null for a model no scenario can express (a family the model lacks).
/// </summary>
public static class CallScenarios
{
    private const int Port = 47300;

    /// <summary>The scenario text of <paramref name="call"/> under <paramref name="design"/>, and the index of its decisive event.</summary>
    public static (string Text, int Event)? Write(string call, Design design, IReadOnlyDictionary<string, UInt128> model, string title)
    {
        if (design.Name == BsdjailDesign.Name)
        {
            return JailScenarios.Write(call, model, title);
        }

        if (design.Name is NetContainerDesign.Name or NetContainerDesign.CanAttachName)
        {
            return ContainerScenarios.Write(call, design.Name, model, title);
        }

        if (design.Name == SocketTableDesign.Name)
        {
            return TableScenarios.Write(call, model, title);
        }

        if (design.Name is LandlockDesign.Name or Landlock618Design.Name)
        {
            return LandlockScenarios.Write(call, design.Name, model, title);
        }

        var events = new List<string>();
        var restricted = Flag(model, NetworkOffRules.NetworkOff.Name) || Value(model, NetworkFlagRules.TracerFlags.Name) != 0;
        switch (call)
        {
            case "socket":
                AddEntry(events, design, "p1", restricted);
                var family = FamilyName(model);
                var type = TypeName(model);
                if (family is null || type is null)
                {
                    return null;
                }

                events.Add($"p1 socket({family}, {type}, 0) = ?");
                break;
            case "bind" or "connect" or "sendmsg":
                if (FamilyName(model) is not { } sockFamily || TypeName(model) is not { } sockType || Address(model) is not { } address)
                {
                    return null;
                }

                events.Add($"p1 socket({sockFamily}, {sockType}, 0) = ?");
                AddEntry(events, design, "p1", restricted);
                events.Add(call switch
                {
                    "bind" => $"p1 bind(3, {address}) = ?",
                    "connect" => $"p1 connect(3, {address}) = ?",
                    _ => $"p1 sendto(3, \"x\", 1, 0, {address}) = ?",
                });
                break;
            case "ptrace":
                events.Add("p1 fork() = p2");
                AddEntry(events, design, "p2", Value(model, NetworkFlagRules.TargetFlags.Name) != 0);
                AddEntry(events, design, "p1", restricted);
                events.Add("p1 ptrace(PTRACE_ATTACH, p2) = ?");
                break;
            default:
                return null;
        }

        var text = new StringBuilder();
        text.Append("# isolation-trace 1\n");
        text.Append("# scenario: ").Append(title).Append('\n');
        text.Append("# design: ").Append(design.Name).Append('\n');
        text.Append("# user: 1000\n");
        text.Append("# source: isolation prove, a solver's witness (").Append(Describe(model)).Append(")\n");
        foreach (var e in events)
        {
            text.Append(e).Append('\n');
        }

        return (text.ToString(), events.Count - 1);
    }

    /// <summary>The model as <c>name=value</c> pairs.</summary>
    public static string Describe(IReadOnlyDictionary<string, UInt128> model) =>
        string.Join(", ", model.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"));

    // The design's first entry move, by the process, when the witness restricts it.
    private static void AddEntry(List<string> events, Design design, string process, bool restricted)
    {
        if (restricted && !design.Entry.IsEmpty)
        {
            events.AddRange(design.Entry[0].Calls.Select(c => $"{process} {c} = ?"));
        }
    }

    // The families a scenario creates sockets of.
    private static string? FamilyName(IReadOnlyDictionary<string, UInt128> model) => Small(model, SocketInputs.Family.Name) switch
    {
        SocketAbi.AfUnix => "AF_UNIX",
        SocketAbi.AfInet => "AF_INET",
        SocketAbi.AfInet6 => "AF_INET6",
        _ => null,
    };

    private static string? TypeName(IReadOnlyDictionary<string, UInt128> model) => Small(model, SocketInputs.Type.Name) switch
    {
        SocketAbi.SockDgram => "SOCK_DGRAM",
        SocketAbi.SockStream => "SOCK_STREAM",
        _ when !model.ContainsKey(SocketInputs.Type.Name) => "SOCK_DGRAM",
        _ => null,
    };

    // The address argument and its length, as strace prints them.
    private static string? Address(IReadOnlyDictionary<string, UInt128> model)
    {
        if (!model.ContainsKey(SocketInputs.AddrFamily.Name) || (model.ContainsKey(SocketInputs.HasAddress.Name) && !Flag(model, SocketInputs.HasAddress.Name)))
        {
            return "NULL, 0";
        }

        return Small(model, SocketInputs.AddrFamily.Name) switch
        {
            SocketAbi.AfUnspec => "{sa_family=AF_UNSPEC}, 16",
            SocketAbi.AfUnix when Flag(model, SocketInputs.AbstractName.Name) => "{sa_family=AF_UNIX, sun_path=@\"witness\"}, 10",
            SocketAbi.AfUnix => "{sa_family=AF_UNIX, sun_path=\"/tmp/witness\"}, 15",
            SocketAbi.AfInet => $"{{sa_family=AF_INET, sin_port=htons({Port}), sin_addr=inet_addr(\"127.0.0.1\")}}, 16",
            SocketAbi.AfInet6 => $"{{sa_family=AF_INET6, sin6_port=htons({Port}), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}}, 28",
            _ => null,
        };
    }

    private static UInt128 Value(IReadOnlyDictionary<string, UInt128> model, string name) => model.TryGetValue(name, out var v) ? v : 0;

    // A value that fits an int, or -1 (no family or type of the model is that large).
    private static int Small(IReadOnlyDictionary<string, UInt128> model, string name) => Value(model, name) is var v && v <= int.MaxValue ? (int)v : -1;

    private static bool Flag(IReadOnlyDictionary<string, UInt128> model, string name) => Value(model, name) != 0;
}
