namespace Isolation.Model.Kernel.Tasks;

/// <summary>Whether a task still runs its events.</summary>
public enum TaskState
{
    /// <summary>Alive: its events run.</summary>
    Running,

    /// <summary>Exited or killed and never waited for: it stays a zombie to the end of the run.</summary>
    Zombie,

    /// <summary>
    /// Reaped (release_task): its pid is free, so calls naming it fail with ESRCH and it has no
    /// /proc entry. Only automatic reaping happens in a scenario, when the parent ignores SIGCHLD.
    /// </summary>
    Dead,
}
