using Isolation.Model.Designs.Landlock;

namespace Isolation.Solver.Witnesses;

/// <summary>
/// Witness scenarios for Landlock's abstract-unix scope (unix_may_send, unix_stream_connect): a
/// receiving socket, a sender that may connect before it scopes itself, the design's
/// <c>scope-only</c> entry move, then the decisive send or connect.
/// </summary>
public static class LandlockScenarios
{
    /// <summary>The scenario and decisive event for <paramref name="hook"/> under <paramref name="design"/>, or null.</summary>
    public static (string Text, int Event)? Write(string hook, string design, IReadOnlyDictionary<string, UInt128> m, string title)
    {
        if (hook is not ("unix_may_send" or "unix_stream_connect"))
        {
            return null;
        }

        var stream = hook == "unix_stream_connect";
        var type = stream ? "SOCK_STREAM" : "SOCK_DGRAM";
        var address = Flag(m, LandlockRules.AbstractPeer.Name)
            ? "{sa_family=AF_UNIX, sun_path=@\"witness\"}, 10"
            : "{sa_family=AF_UNIX, sun_path=\"/tmp/witness\"}, 15";
        var b = new ScenarioBuilder();
        var outside = Flag(m, LandlockRules.Outside.Name);
        var sender = outside ? b.Fork("p1") : "p1";
        if (outside)
        {
            // The receiver is p1's, made before p2 scopes itself: outside p2's domain.
            Receive(b, "p1", type, address, stream);
        }

        var fd = b.Open(sender, $"socket(AF_UNIX, {type}, 0)");
        if (Flag(m, LandlockRules.ConnectedPeer.Name))
        {
            b.Call(sender, $"connect({fd}, {address})");
        }

        if (Flag(m, LandlockRules.Scoped.Name))
        {
            var ruleset = b.Open(sender, "landlock_create_ruleset({handled_access_fs=0, handled_access_net=0, scoped=LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET}, 24, 0)");
            b.Call(sender, "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)");
            b.Call(sender, $"landlock_restrict_self({ruleset}, 0)");
            b.CloseLast(sender);
        }

        if (!outside)
        {
            // The receiver is made inside the sender's own domain.
            Receive(b, sender, type, address, stream);
        }

        b.Call(sender, stream ? $"connect({fd}, {address})"
            : Flag(m, LandlockRules.ConnectedPeer.Name) ? $"sendto({fd}, \"x\", 1, 0, NULL, 0)" : $"sendto({fd}, \"x\", 1, 0, {address})");
        return (b.Text(title, design, $"isolation prove, a solver's witness ({CallScenarios.Describe(m)})"), b.Events.Count - 1);
    }

    private static void Receive(ScenarioBuilder b, string process, string type, string address, bool stream)
    {
        var fd = b.Open(process, $"socket(AF_UNIX, {type}, 0)");
        b.Call(process, $"bind({fd}, {address})");
        if (stream)
        {
            b.Call(process, $"listen({fd}, 1)");
        }
    }

    private static bool Flag(IReadOnlyDictionary<string, UInt128> m, string name) => m.TryGetValue(name, out var v) && v != 0;
}
