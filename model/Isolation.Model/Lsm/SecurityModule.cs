namespace Isolation.Model.Lsm;

/// <summary>
/// One stacked security module: a design's hooks and its blobs. A module registers the hooks it
/// implements in <see cref="Register"/>, as a Linux LSM lists them with LSM_HOOK_INIT.
/// </summary>
public abstract class SecurityModule
{
    /// <summary>The design name, as in the CLI and trace headers (<c>bsdjail</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The blob slot this module owns on every object; set when the stack is assembled.</summary>
    public int Slot { get; internal set; }

    /// <summary>Adds this module's hooks to <paramref name="hooks"/>.</summary>
    public abstract void Register(HookTable hooks);

    /// <summary>
    /// The module's other boot-time setup (its initcalls), once, when the kernel boots: the cgroup
    /// controllers it brings (<c>kernel.Cgroups.AddSubsystem</c>), the files it adds. None by default.
    /// </summary>
    public virtual void Init(Kernel.KernelState kernel)
    {
    }

    /// <summary>This module's blob of type <typeparamref name="T"/> on an object, or null if it has none yet.</summary>
    public T? Blob<T>(SecurityBlobs blobs)
        where T : class => blobs.Get(Slot) as T;

    /// <summary>Stores this module's blob on an object.</summary>
    public void SetBlob(SecurityBlobs blobs, object? blob) => blobs.Set(Slot, blob);
}
