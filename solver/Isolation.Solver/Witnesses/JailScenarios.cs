using System.Globalization;
using Isolation.Model.Abi;
using Isolation.Model.Designs.Bsdjail;
using Isolation.Model.Rules;

namespace Isolation.Solver.Witnesses;

/// <summary>
/// Witness scenarios for bsdjail's hooks whose calls the simulator can make: task_kill, socket_bind,
/// unix_may_send and unix_stream_connect. Jails are entered as the design's entry move does
/// (write /proc/self/attr/exec, exec); a witness's jail numbers become processes in those jails.
/// Runs as root, so that only the jail decides (DAC lets root signal and bind anything).
/// </summary>
public static class JailScenarios
{
    /// <summary>The scenario and decisive event for <paramref name="hook"/>, or null for a hook or model it cannot write.</summary>
    public static (string Text, int Event)? Write(string hook, IReadOnlyDictionary<string, UInt128> m, string title)
    {
        var b = new ScenarioBuilder();
        switch (hook)
        {
            case "task_kill":
                var (caller, other) = Pair(b, m, Get(m, JailRules.OtherJail.Name));
                b.Call(caller, $"kill({other}, {Signal(Get(m, JailRules.Signal.Name))})");
                break;
            case "socket_bind":
                if (InetText.Family(Get(m, SocketInputs.Family.Name)) is not { } family || InetText.Address(m) is not { } address)
                {
                    return null;
                }

                b.Open("p1", $"socket({family}, SOCK_DGRAM, 0)");
                Enter(b, "p1", m, Flag(m, JailRules.InJail.Name));
                b.Call("p1", $"bind(3, {address})");
                break;
            case "inode_mknod":
                // Root in a jail without an address: only the node's type decides.
                Enter(b, "p1", m, Flag(m, JailRules.InJail.Name), withAddress: false);
                var nodeType = (int)(Get(m, JailRules.Mode.Name) & 0xF000);
                if (nodeType == 0xC000)
                {
                    // A socket node is what unix_bind makes for a pathname.
                    var sock = b.Open("p1", "socket(AF_UNIX, SOCK_DGRAM, 0)");
                    b.Call("p1", $"bind({sock}, {{sa_family=AF_UNIX, sun_path=\"/tmp/witness\"}}, 15)");
                }
                else
                {
                    var name = nodeType switch { 0x1000 => "S_IFIFO", 0x2000 => "S_IFCHR", 0x6000 => "S_IFBLK", _ => null };
                    if (name is null)
                    {
                        return null;
                    }

                    b.Call("p1", $"mknodat(AT_FDCWD, \"/tmp/witness\", {name}|0644, makedev(0x1, 0x3))");
                }

                break;
            case "unix_may_send" or "unix_stream_connect":
                var stream = hook == "unix_stream_connect";
                var type = stream ? "SOCK_STREAM" : "SOCK_DGRAM";
                var label = Get(m, JailRules.Label.Name);
                var receiver = "p1";
                var (sender, _) = Pair(b, m, 0);
                if (label != 0)
                {
                    // The receiving socket is bound by a process in a jail: the sender's own, or another.
                    receiver = label == Get(m, JailRules.CallerJail.Name) ? sender : b.Fork("p1");
                    if (receiver != sender)
                    {
                        Enter(b, receiver, m, inUse: true, withAddress: false);
                    }
                }

                var listening = b.Open(receiver, $"socket(AF_UNIX, {type}, 0)");
                b.Call(receiver, $"bind({listening}, {{sa_family=AF_UNIX, sun_path=@\"witness\"}}, 10)");
                if (stream)
                {
                    b.Call(receiver, $"listen({listening}, 1)");
                }

                var fd = b.Open(sender, $"socket(AF_UNIX, {type}, 0)");
                b.Call(sender, stream
                    ? $"connect({fd}, {{sa_family=AF_UNIX, sun_path=@\"witness\"}}, 10)"
                    : $"sendto({fd}, \"x\", 1, 0, {{sa_family=AF_UNIX, sun_path=@\"witness\"}}, 10)");
                break;
            default:
                return null;
        }

        return (b.Text(title, BsdjailDesign.Name, $"isolation prove, a solver's witness ({CallScenarios.Describe(m)})", user: 0), b.Events.Count - 1);
    }

    // The caller (a child of p1 in the witness's jail state) and the other task: p1 outside any jail,
    // a task of the caller's jail, or a task of another jail.
    private static (string Caller, string Other) Pair(ScenarioBuilder b, IReadOnlyDictionary<string, UInt128> m, UInt128 otherJail)
    {
        var callerJail = Get(m, JailRules.CallerJail.Name);
        var inJail = Flag(m, JailRules.InJail.Name);
        var caller = b.Fork("p1");
        if (otherJail != 0 && otherJail == callerJail && inJail)
        {
            Enter(b, caller, m, inUse: true);
            return (caller, b.Fork(caller));
        }

        var other = "p1";
        if (otherJail != 0)
        {
            other = b.Fork("p1");
            Enter(b, other, m, inUse: true, withAddress: false);
        }

        if (callerJail != 0)
        {
            Enter(b, caller, m, inJail);
        }

        return (caller, other);
    }

    // The entry move: the witness's addresses, "lock", and the exec that enables the jail (none for a pending jail).
    private static void Enter(ScenarioBuilder b, string process, IReadOnlyDictionary<string, UInt128> m, bool inUse, bool withAddress = true)
    {
        var fd = b.Open(process, "openat(AT_FDCWD, \"/proc/self/attr/exec\", O_WRONLY)");
        if (withAddress && Flag(m, JailRules.GotIpv4.Name))
        {
            Write(b, process, fd, "ip " + InetText.Ipv4(Get(m, JailRules.JailIpv4.Name)));
        }

        if (withAddress && Flag(m, JailRules.GotIpv6.Name))
        {
            var v = Get(m, JailRules.JailIpv6.Name);
            Write(b, process, fd, "ip6 " + string.Join(':', Enumerable.Range(0, 8).Select(i => ((ushort)(v >> (16 * (7 - i)))).ToString("x", CultureInfo.InvariantCulture))));
        }

        Write(b, process, fd, "lock");
        b.CloseLast(process);
        if (inUse)
        {
            b.Call(process, "execve(\"/proc/self/exe\", [\"/proc/self/exe\"], NULL)");
        }
    }

    private static void Write(ScenarioBuilder b, string process, int fd, string text) =>
        b.Call(process, string.Create(CultureInfo.InvariantCulture, $"write({fd}, \"{text}\", {text.Length})"));

    private static string Signal(UInt128 sig) => (int)UInt128.Min(sig, int.MaxValue) switch
    {
        17 => "SIGCHLD",
        10 => "SIGUSR1",
        15 => "SIGTERM",
        _ => sig.ToString(CultureInfo.InvariantCulture),
    };

    private static UInt128 Get(IReadOnlyDictionary<string, UInt128> m, string name) => m.TryGetValue(name, out var v) ? v : 0;

    private static bool Flag(IReadOnlyDictionary<string, UInt128> m, string name) => Get(m, name) != 0;
}
