using Isolation.Model.Kernel.Sockets;

namespace Isolation.Model.Kernel.Netns;

/// <summary>The named network environments a scenario's <c># setup:</c> header selects.</summary>
/// <remarks>
/// <c>host</c>: p1 runs in the initial namespace with lo up (127.0.0.1/8, ::1), as a process on the
/// machine does; the model knows no other host device, so anything but loopback is unreachable.
/// <c>netns</c>: p1 runs in a fresh namespace owned by the initial user namespace, with lo up and
/// <c>veth0</c> 10.0.0.1/24; its peer <c>veth1</c> 10.0.0.2/24 is in the parent (initial)
/// namespace, which also has lo up. Both ends are up. This is what a runner makes with
/// <c>ip netns add</c>, <c>ip link add veth0 type veth peer name veth1</c> and <c>ip addr add</c>
/// (TRACE-FORMAT.md, "Setup").
/// </remarks>
public static class NetSetups
{
    /// <summary>The setup names the model provides.</summary>
    public static IReadOnlyList<string> Names { get; } = ["host", "netns"];

    /// <summary>The address of veth0, p1's end in the <c>netns</c> setup.</summary>
    public static readonly IpAddr Veth0Address = IpAddr.V4(10, 0, 0, 1);

    /// <summary>The address of veth1, the parent namespace's end in the <c>netns</c> setup.</summary>
    public static readonly IpAddr Veth1Address = IpAddr.V4(10, 0, 0, 2);

    /// <summary>Builds <paramref name="setup"/> in <paramref name="kernel"/> and returns p1's network namespace.</summary>
    public static NetNamespace Create(KernelState kernel, string setup)
    {
        var host = kernel.InitNetNs;
        host.SetUp(host.Loopback, true);
        switch (setup)
        {
            case "host":
                return host;
            case "netns":
                var ns = NetNamespace.CreateFresh(kernel, kernel.InitUserNs);
                ns.SetUp(ns.Loopback, true);
                var (veth0, veth1) = ns.AddVethPair("veth0", host, "veth1");
                ns.AddAddress(veth0, Veth0Address, 24);
                host.AddAddress(veth1, Veth1Address, 24);
                ns.SetUp(veth0, true);
                host.SetUp(veth1, true);
                return ns;
            default:
                throw new ArgumentException($"unknown setup '{setup}' (the model provides: {string.Join(", ", Names)})", nameof(setup));
        }
    }
}
