using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Syscalls;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;
using Network = Isolation.Model.Designs.NetContainer.Network;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Properties.Designs.NetContainer;

/// <summary>
/// A task in a container (any but the root one) that makes one of the given calls successfully on
/// an IPv4 socket — AF_INET, or AF_INET6 with a v4-mapped address — uses INADDR_ANY or an address on
/// its container's list: the socket's source address after the call, or for a datagram sent from
/// a socket without one, the source the route gives.
/// </summary>
public static class AssignedAddressProperty
{
    /// <summary>Makes the property <c>&lt;design&gt;/&lt;claim&gt;</c> over <paramref name="calls"/>.</summary>
    public static Property Create(string design, string claim, IReadOnlyList<string> calls, string source, string quote) =>
        new($"{design}/{claim}", design, source, quote, () => new Monitor(calls));

    private sealed class Monitor(IReadOnlyList<string> calls) : PropertyMonitor
    {
        public override string? OnStep(KernelState kernel, int index, Step step)
        {
            var call = step.Written.Call;
            if (!calls.Contains(call) || step.Outcome.IsError ||
                NetContainerProperties.Module(kernel) is not { } module ||
                kernel.FindTask(step.Written.Process) is not { } task ||
                !NetContainerProperties.InContainer(kernel, task) ||
                step.Written.Args.FirstOrDefault() is not IntExpr { Value: var fd } ||
                task.Files.Get((int)fd)?.Object is not InetSocket sock)
            {
                return null;
            }

            var used = AsV4(SourceOf(kernel, task, step, sock));
            if (used is not { } v4 || v4.IsAny || module.NetworkOf(task).Allows(Network.SAddr(v4)))
            {
                return null;
            }

            return $"{task.Name} in container {kernel.Cgroups.CgroupOf(task).Path} used {v4} ({call} on fd {fd}), which is not on its list";
        }

        /// <summary>The socket's source address, or the route's for a datagram sent to an address from a socket without one.</summary>
        private static IpAddr SourceOf(KernelState kernel, Task task, Step step, InetSocket sock)
        {
            if (!sock.InetSaddr.IsAny || step.Written.Call != "sendto" || step.Written.Args.Length < 6)
            {
                return sock.InetSaddr;
            }

            var ctx = new SyscallContext(kernel, task, step.Written);
            return SockAddrCodec.Read(ctx, 4, (int)ctx.Int(5))?.Address is InetAddress to
                ? Routing.OutputV4(sock.NetNs, to.Address.IsV4Mapped ? to.Address.MappedV4 : to.Address).Source
                : sock.InetSaddr;
        }

        private static IpAddr? AsV4(IpAddr address) =>
            !address.IsV6 ? address : address.IsV4Mapped ? address.MappedV4 : null;
    }
}
