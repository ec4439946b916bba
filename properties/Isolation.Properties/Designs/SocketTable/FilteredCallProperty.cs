using Isolation.Model.Abi;
using Isolation.Model.Designs.SocketTable;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Syscalls;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Properties.Designs.SocketTable;

/// <summary>
/// socket-table/&lt;claim&gt;: a call on an AF_INET socket that succeeded is one its chain accepts for
/// the packet it really makes — the socket's ends after the call (bind: its address and port;
/// connect: from its source to its peer; accept: from the peer to the accepted socket; sendto on a
/// datagram socket: from its source, or the route's, to the address sent to) — for the caller's
/// network_id, under the table as it stands.
/// </summary>
public static class FilteredCallProperty
{
    /// <summary>Makes the property over <paramref name="calls"/>.</summary>
    public static Property Create(string claim, IReadOnlyList<string> calls, string source, string quote) =>
        new($"{SocketTableDesign.Name}/{claim}", SocketTableDesign.Name, source, quote, () => new Monitor(calls));

    private sealed class Monitor(IReadOnlyList<string> calls) : PropertyMonitor
    {
        public override string? OnStep(KernelState kernel, int index, Step step)
        {
            var call = step.Written.Call;
            if (!calls.Contains(call) || step.Outcome.IsError ||
                SocketTableProperties.Module(kernel) is not { } module ||
                kernel.FindTask(step.Written.Process) is not { } task ||
                Packet(kernel, task, step) is not { } made)
            {
                return null;
            }

            var verdict = module.TableOf(made.Sock.NetNs).Evaluate(made.Chain, made.Packet, module.Subsystem.IdOf(task));
            return verdict == SocketVerdict.Accept ? null
                : $"{task.Name} {call} succeeded although {SocketRuleParser.ChainName(made.Chain)} says {SocketRule.TargetName(verdict)} for {Describe(made.Packet)}";
        }

        private static (SocketChain Chain, FakePacket Packet, InetSocket Sock)? Packet(KernelState kernel, Task task, Step step)
        {
            var call = step.Written.Call;
            var fd = call is "accept" or "accept4" && step.Outcome.Result is ValueResult { Value: var n } ? n
                : step.Written.Args.FirstOrDefault() is IntExpr { Value: var f } ? f : -1;
            if (task.Files.Get((int)fd)?.Object is not InetSocket { IsV6: false } sock)
            {
                return null;
            }

            var protocol = sock.Protocol != 0 ? sock.Protocol : sock.Type == SocketAbi.SockStream ? SocketRule.Tcp : SocketRule.Udp;
            var local = (uint)sock.InetSaddr.Value;
            return call switch
            {
                "bind" => (SocketChain.Bind, new FakePacket(protocol, (uint)sock.RcvSaddr.Value, sock.LocalPort, 0, 0), sock),
                "connect" => (SocketChain.Connect, new FakePacket(protocol, local, sock.LocalPort, (uint)sock.RemoteAddress.Value, sock.RemotePort), sock),
                "sendto" when sock.Type == SocketAbi.SockDgram && Destination(kernel, task, step) is { } to =>
                    (SocketChain.Sendto, new FakePacket(protocol, sock.InetSaddr.IsAny ? (uint)Routing.OutputV4(sock.NetNs, to.Address).Source.Value : local, sock.LocalPort, (uint)to.Address.Value, to.Port), sock),
                "accept" or "accept4" => (SocketChain.Accept, new FakePacket(protocol, (uint)sock.RemoteAddress.Value, sock.RemotePort, local, sock.LocalPort), sock),
                _ => null,
            };
        }

        private static InetAddress? Destination(KernelState kernel, Task task, Step step)
        {
            var ctx = new SyscallContext(kernel, task, step.Written);
            return ctx.Has(5) && SockAddrCodec.Read(ctx, 4, (int)ctx.Int(5))?.Address is InetAddress { Address.IsV6: false } to ? to : null;
        }

        private static string Describe(FakePacket p) =>
            $"{SocketRule.ProtocolName(p.Protocol)} {SocketRule.NetworkText(p.Source, 32)}:{p.SourcePort} -> {SocketRule.NetworkText(p.Destination, 32)}:{p.DestinationPort}";
    }
}
