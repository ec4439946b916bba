namespace Isolation.Model.Kernel.Sockets;

/// <summary>The TCP states the model tells apart (sk_state, with the closing states folded).</summary>
public enum TcpState
{
    /// <summary>TCP_CLOSE: never connected, or reset.</summary>
    Closed,

    /// <summary>TCP_LISTEN.</summary>
    Listen,

    /// <summary>TCP_SYN_SENT: a SYN went out and got no answer (lost, or the listener's queue was full).</summary>
    SynSent,

    /// <summary>TCP_ESTABLISHED and TCP_CLOSE_WAIT (see <see cref="TcpSocket.PeerFin"/>), FIN_WAIT while open.</summary>
    Established,

    /// <summary>Closed by its owner after sending the first FIN: FIN_WAIT2 then TIME_WAIT, holding its port.</summary>
    Orphan,
}
