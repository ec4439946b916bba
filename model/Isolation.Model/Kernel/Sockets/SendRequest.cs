namespace Isolation.Model.Kernel.Sockets;

/// <summary>What a sendmsg-family call asks a socket to send (the kernel's msghdr on the way in).</summary>
/// <param name="Data">The bytes (all iovecs joined).</param>
/// <param name="To">msg_name, or null for a connected send.</param>
/// <param name="Flags">MSG_* flags, with MSG_DONTWAIT added for an O_NONBLOCK file.</param>
/// <param name="Rights">The descriptor numbers of an SCM_RIGHTS control message (the family looks them up, as scm_send does), or null.</param>
public sealed record SendRequest(ReadOnlyMemory<byte> Data, UserSockAddr? To, int Flags, IReadOnlyList<int>? Rights)
{
    /// <summary>Whether the call may not wait.</summary>
    public bool NonBlocking => (Flags & Abi.MsgFlags.DontWait) != 0;
}
