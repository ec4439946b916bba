namespace Isolation.Model.Rules;

/// <summary>Whose state a rule input is read from: what the explorer's partial-order reduction needs to know.</summary>
public enum InputOwner
{
    /// <summary>The calling task's own state: its credentials, its security blob, its limits.</summary>
    Caller,

    /// <summary>Another task's state: the target of ptrace, kill or a /proc lookup.</summary>
    Target,

    /// <summary>A label or state of a kernel object the call names (a socket, a file, an IPC object).</summary>
    Object,

    /// <summary>An argument of the system call (family, address, port, flags).</summary>
    Argument,

    /// <summary>Configuration shared by every task (a container's address list, a filter table).</summary>
    Configuration,
}
