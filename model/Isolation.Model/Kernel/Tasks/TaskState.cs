namespace Isolation.Model.Kernel.Tasks;

/// <summary>Whether a task still runs its events.</summary>
public enum TaskState
{
    /// <summary>Alive: its events run.</summary>
    Running,

    /// <summary>Exited or killed and never waited for: it stays a zombie to the end of the run.</summary>
    Zombie,
}
