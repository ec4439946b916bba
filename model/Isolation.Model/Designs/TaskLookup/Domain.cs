namespace Isolation.Model.Designs.TaskLookup;

/// <summary>
/// A task's label (the part of SELinux's task_security_struct the policy needs): its domain
/// (null: unconfined) and the domain its next exec enters (exec_sid; null: none).
/// </summary>
/// <param name="Current">The domain the task runs in, or null for an unconfined task.</param>
/// <param name="Exec">The domain written to /proc/self/attr/exec, entered at the next exec, or null.</param>
public sealed record Domain(string? Current, string? Exec)
{
    /// <summary>The label of a task nobody confined.</summary>
    public static Domain Unconfined { get; } = new(null, null);

    /// <summary>What /proc/&lt;pid&gt;/attr/current names an unconfined task by.</summary>
    public const string UnconfinedName = "unconfined";
}
