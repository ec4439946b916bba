using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;

namespace Isolation.Model.Designs.NosuidUnshare;

/// <summary>
/// The nosuid-unshare design as a module: the flag and its prctl (NosuidPrctl.cs), the refusal of
/// privilege-raising execs (Exec.cs), and the unprivileged unshare(CLONE_NEWNET) (Namespaces.cs).
/// </summary>
/// <remarks>Seed 004_395e695cd1b36f96.txt, Biederman: "I propose you introduce a permanent disable of executing suid applications."</remarks>
public sealed class NosuidUnshareModule : SecurityModule
{
    /// <summary>Creates the module and its per-task state.</summary>
    public NosuidUnshareModule() => State = new NosuidPrctl(this);

    /// <inheritdoc/>
    public override string Name => NosuidUnshareDesign.Name;

    /// <summary>The per-task flag and the prctl that sets it.</summary>
    public NosuidPrctl State { get; }

    /// <summary>Whether <paramref name="task"/> gave up set-id execs.</summary>
    public bool IsNoSuid(Task task) => State.Get(task).NoSuid;

    /// <summary>Whether <paramref name="task"/> lives in a network namespace the design let it (or an ancestor) create without privilege.</summary>
    public bool HasUnsharedNet(Task task) => State.Get(task).UnsharedNet;

    /// <inheritdoc/>
    public override void Register(HookTable hooks)
    {
        State.Register(hooks);
        Exec.Register(hooks, this, State);
        Namespaces.Register(hooks, this, State);
    }
}
