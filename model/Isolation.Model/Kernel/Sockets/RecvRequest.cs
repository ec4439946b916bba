namespace Isolation.Model.Kernel.Sockets;

/// <summary>What a recvmsg-family call asks of a socket.</summary>
/// <param name="Size">The buffer size (all iovecs together).</param>
/// <param name="Flags">MSG_* flags, with MSG_DONTWAIT added for an O_NONBLOCK file.</param>
/// <param name="ControlCapacity">msg_controllen, or -1 when there is no control buffer (recvfrom, read).</param>
public sealed record RecvRequest(int Size, int Flags, int ControlCapacity = -1)
{
    /// <summary>Whether the call may not wait.</summary>
    public bool NonBlocking => (Flags & Abi.MsgFlags.DontWait) != 0;

    /// <summary>Whether MSG_PEEK leaves the data queued.</summary>
    public bool Peek => (Flags & Abi.MsgFlags.Peek) != 0;
}
