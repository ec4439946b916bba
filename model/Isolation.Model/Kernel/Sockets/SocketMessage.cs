using Isolation.Model.Kernel.Fds;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>
/// One queued unit on a receive queue (an sk_buff): a datagram, a piece of a stream, or, on a unix
/// listener, a connection waiting for accept. Descriptors passed with SCM_RIGHTS ride along and
/// hold a reference to their open files while in flight.
/// </summary>
public sealed class SocketMessage
{
    /// <summary>Creates a message carrying <paramref name="data"/>.</summary>
    public SocketMessage(byte[] data) => Data = data;

    /// <summary>The bytes.</summary>
    public byte[] Data { get; }

    /// <summary>How many bytes a stream reader has already taken (UNIXCB(skb).consumed, copied_seq).</summary>
    public int Consumed { get; set; }

    /// <summary>The bytes not yet read.</summary>
    public int Remaining => Data.Length - Consumed;

    /// <summary>The task that sent it (for the channel record when it is received).</summary>
    public Tasks.Task? SenderTask { get; init; }

    /// <summary>The kernel clock when it was sent (<see cref="KernelState.Clock"/>).</summary>
    public long SentAt { get; init; }

    /// <summary>The sending socket (unix: its address is read at receive time, as unix_copy_addr does).</summary>
    public Socket? Sender { get; init; }

    /// <summary>The source address fixed at send time (inet datagrams).</summary>
    public SockAddr? From { get; init; }

    /// <summary>Open files in flight (SCM_RIGHTS), each holding one reference; null when none.</summary>
    public List<OpenFile>? Files { get; set; }

    /// <summary>On a unix listener: the embryo socket of a connection waiting for accept.</summary>
    public UnixSocket? Embryo { get; init; }

    /// <summary>Drops the in-flight references (the skb destructor's scm_destroy).</summary>
    public void DropFiles(KernelState kernel)
    {
        if (Files is null)
        {
            return;
        }

        var files = Files;
        Files = null;
        foreach (var file in files)
        {
            kernel.PutFile(file);
        }
    }
}
