namespace Isolation.Model.Kernel.Sockets;

/// <summary>A unix socket's sk_state: the three TCP states af_unix uses.</summary>
public enum UnixState
{
    /// <summary>TCP_CLOSE: unconnected (or disconnected).</summary>
    Close,

    /// <summary>TCP_LISTEN: listening for connections.</summary>
    Listen,

    /// <summary>TCP_ESTABLISHED: connected (stream, seqpacket, or a connected datagram socket).</summary>
    Established,
}
