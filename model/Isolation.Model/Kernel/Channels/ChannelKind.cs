namespace Isolation.Model.Kernel.Channels;

/// <summary>
/// The ways one process can get data to another (seed 004, Stone's list of what "network off"
/// must cover): each kind is recorded by the kernel model where Linux establishes or uses it.
/// </summary>
public enum ChannelKind
{
    /// <summary>A stream connection between unix sockets (pathname, abstract or unnamed).</summary>
    UnixStream,

    /// <summary>A datagram delivered between unix sockets.</summary>
    UnixDatagram,

    /// <summary>A TCP connection.</summary>
    InetStream,

    /// <summary>A UDP datagram delivered.</summary>
    InetDatagram,

    /// <summary>A ptrace attachment (either direction: the tracer reads and writes the tracee).</summary>
    Ptrace,

    /// <summary>A signal delivered.</summary>
    Signal,

    /// <summary>A SysV shared memory segment attached by both.</summary>
    SharedMemory,

    /// <summary>A SysV message queue written by one and read by the other, or a semaphore set used by both.</summary>
    Ipc,

    /// <summary>A descriptor passed with SCM_RIGHTS.</summary>
    PassedDescriptor,
}
