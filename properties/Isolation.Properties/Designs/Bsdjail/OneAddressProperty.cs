using Isolation.Model.Designs.Bsdjail;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Sockets;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Properties.Designs.Bsdjail;

/// <summary>
/// bsdjail/one-address: a jailed task with an address that binds or listens successfully does so
/// on the jail's address of the socket's family (the socket's bound address, inet_rcv_saddr,
/// after the call; a listen without bind is bound to the wildcard).
/// </summary>
public static class OneAddressProperty
{
    /// <summary>Makes the property.</summary>
    public static Property Create(string source, string quote) =>
        new($"{BsdjailDesign.Name}/one-address", BsdjailDesign.Name, source, quote, () => new Monitor());

    private sealed class Monitor : PropertyMonitor
    {
        public override string? OnStep(KernelState kernel, int index, Step step)
        {
            var call = step.Written.Call;
            if (call is not ("bind" or "listen") || step.Outcome.IsError ||
                BsdjailProperties.Module(kernel) is not { } module ||
                kernel.FindTask(step.Written.Process) is not { } task ||
                module.JailOf(task) is not { InUse: true, HasAddress: true } jail ||
                step.Written.Args.FirstOrDefault() is not IntExpr { Value: var fd } ||
                task.Files.Get((int)fd)?.Object is not InetSocket sock)
            {
                return null;
            }

            var own = sock.IsV6 ? jail.Addr6 : jail.Addr4;
            return sock.RcvSaddr.Value == own.Value ? null : $"jailed {task.Name} {call} on {sock.RcvSaddr} (fd {fd}), not the jail's {own}";
        }
    }
}
