namespace Isolation.Model.Kernel.Sockets;

/// <summary>struct socket's state for a connection-oriented inet socket (socket_state).</summary>
public enum ConnectState
{
    /// <summary>SS_UNCONNECTED.</summary>
    Unconnected,

    /// <summary>SS_CONNECTING: a non-blocking connect returned EINPROGRESS.</summary>
    Connecting,

    /// <summary>SS_CONNECTED.</summary>
    Connected,
}
