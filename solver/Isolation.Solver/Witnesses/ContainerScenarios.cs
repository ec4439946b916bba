using System.Globalization;
using Isolation.Model.Designs.NetContainer;
using Isolation.Model.Rules;

namespace Isolation.Solver.Witnesses;

/// <summary>
/// Witness scenarios for the network container's hooks: a container c1 whose network.ipv4 lists
/// the witness's address or not, the caller in it or in the root container, then the bind; or the
/// move into c1 with or without CAP_NET_ADMIN. Runs as root: creating a container needs CAP_NET_ADMIN.
/// </summary>
public static class ContainerScenarios
{
    /// <summary>The scenario and decisive event for <paramref name="hook"/> under <paramref name="design"/>, or null.</summary>
    public static (string Text, int Event)? Write(string hook, string design, IReadOnlyDictionary<string, UInt128> m, string title)
    {
        var b = new ScenarioBuilder();
        int decisive;
        switch (hook)
        {
            case "socket_bind":
                if (InetText.Family(Get(m, SocketInputs.Family.Name)) is not { } family || InetText.Address(m) is not { } address)
                {
                    return null;
                }

                if (!Flag(m, ContainerRules.InRoot.Name) || Flag(m, ContainerRules.Registered.Name))
                {
                    MakeContainer(b, Flag(m, ContainerRules.Listed.Name) ? (uint)Get(m, SocketInputs.Ipv4.Name) : Other((uint)Get(m, SocketInputs.Ipv4.Name)));
                }

                if (!Flag(m, ContainerRules.InRoot.Name))
                {
                    Join(b);
                }

                var fd = b.Open("p1", $"socket({family}, SOCK_DGRAM, 0)");
                b.Call("p1", $"bind({fd}, {address})");
                decisive = b.Events.Count - 1;
                break;
            case "can_attach":
                MakeContainer(b, 0x7F000001);
                if (!Flag(m, ContainerRules.NetAdmin.Name))
                {
                    b.Call("p1", "prctl(PR_CAPBSET_DROP, CAP_NET_ADMIN)");
                    b.Call("p1", "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=0, permitted=0, inheritable=0})");
                }

                decisive = Join(b);
                break;
            default:
                return null;
        }

        return (b.Text(title, design, $"isolation prove, a solver's witness ({CallScenarios.Describe(m)})", user: 0), decisive);
    }

    // mkdir c1 (which registers the hooks) and list one address, written as network.ipv4 reads it:
    // the __be32 in host order, so 127.0.0.1 is 0100007F.
    private static void MakeContainer(ScenarioBuilder b, uint listed)
    {
        b.Call("p1", "mkdir(\"/sys/fs/cgroup/c1\", 0755)");
        var fd = b.Open("p1", "openat(AT_FDCWD, \"/sys/fs/cgroup/c1/network.ipv4\", O_WRONLY)");
        var hex = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(listed).ToString("X8", CultureInfo.InvariantCulture);
        b.Call("p1", $"write({fd}, \"add.{hex}\\n\", 13)");
        b.CloseLast("p1");
    }

    // Moves p1 into c1; returns the index of the write that moves it.
    private static int Join(ScenarioBuilder b)
    {
        var fd = b.Open("p1", "openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)");
        b.Call("p1", $"write({fd}, \"0\", 1)");
        var write = b.Events.Count - 1;
        b.CloseLast("p1");
        return write;
    }

    // An address other than the witness's, for a list that must not hold it.
    private static uint Other(uint address) => address == 0x0A000001 ? 0x0A000002u : 0x0A000001u;

    private static UInt128 Get(IReadOnlyDictionary<string, UInt128> m, string name) => m.TryGetValue(name, out var v) ? v : 0;

    private static bool Flag(IReadOnlyDictionary<string, UInt128> m, string name) => Get(m, name) != 0;
}
