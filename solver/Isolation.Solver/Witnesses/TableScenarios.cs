using Isolation.Model.Abi;
using Isolation.Model.Designs.SocketTable;
using Isolation.Model.Rules;

namespace Isolation.Solver.Witnesses;

/// <summary>
/// Witness scenarios for the socket table's "fed through the chain" invariants: every chain's policy
/// set to DROP, then the witness's call on a socket of its family; a call the table were fed would
/// be EPERM, one it never sees goes through. Runs as root (writing the table needs CAP_NET_ADMIN).
/// </summary>
public static class TableScenarios
{
    private const string DropAll = "-P BIND DROP\\n-P ACCEPT DROP\\n-P CONNECT DROP\\n-P SENDTO DROP\\n-P RECVFROM DROP\\n";

    /// <summary>The scenario and decisive event for <paramref name="hook"/>, or null for a model no scenario can express.</summary>
    public static (string Text, int Event)? Write(string hook, IReadOnlyDictionary<string, UInt128> m, string title)
    {
        if (InetText.Family(Get(m, SocketInputs.Family.Name)) is not { } family)
        {
            return null;
        }

        var loopback = family == "AF_INET"
            ? $"{{sa_family=AF_INET, sin_port=htons({InetText.Port}), sin_addr=inet_addr(\"127.0.0.1\")}}, 16"
            : $"{{sa_family=AF_INET6, sin6_port=htons({InetText.Port}), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}}, 28";
        var b = new ScenarioBuilder();
        var table = b.Open("p1", "openat(AT_FDCWD, \"/proc/net/socket_table\", O_WRONLY)");
        b.Call("p1", $"write({table}, \"{DropAll}\", 76)");
        b.CloseLast("p1");
        var type = Get(m, SocketInputs.Type.Name) == SocketAbi.SockStream || hook == "socket_post_accept" ? "SOCK_STREAM" : "SOCK_DGRAM";
        var fd = b.Open("p1", $"socket({family}, {type}, 0)");
        switch (hook)
        {
            case "socket_bind":
                b.Call("p1", $"bind({fd}, {loopback})");
                break;
            case "socket_connect":
                b.Call("p1", $"connect({fd}, {loopback})");
                break;
            case "socket_sendmsg":
                b.Call("p1", $"sendto({fd}, \"x\", 1, 0, {loopback})");
                break;
            case "socket_recvmsg":
                b.Call("p1", $"recvfrom({fd}, \"\", 64, MSG_DONTWAIT, NULL, NULL)");
                break;
            case "socket_post_accept":
                b.Call("p1", $"bind({fd}, {loopback})");
                b.Call("p1", $"listen({fd}, 1)");
                var client = b.Open("p1", $"socket({family}, SOCK_STREAM, 0)");
                b.Call("p1", $"connect({client}, {loopback})");
                b.Call("p1", $"accept({fd}, NULL, NULL)");
                break;
            default:
                return null;
        }

        return (b.Text(title, SocketTableDesign.Name, $"isolation prove, a solver's witness ({CallScenarios.Describe(m)})", user: 0), b.Events.Count - 1);
    }

    private static UInt128 Get(IReadOnlyDictionary<string, UInt128> m, string name) => m.TryGetValue(name, out var v) ? v : 0;
}
