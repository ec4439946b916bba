using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>A message queue (msg_queue): typed messages in arrival order.</summary>
/// <remarks>ipc/msg.c (6.12).</remarks>
public sealed class MessageQueue : IpcObject
{
    /// <summary>Makes an empty queue.</summary>
    public MessageQueue(IpcNamespace ns)
        : base(ns)
    {
    }

    /// <summary>The queued messages, oldest first, with their senders.</summary>
    public List<(long Type, byte[] Text, Task Sender, long SentAt)> Messages { get; } = [];

    /// <summary>msg_qbytes: the most bytes the queue holds (MSGMNB).</summary>
    public int MaxBytes { get; set; } = IpcNamespace.MsgMnb;

    /// <summary>msg_cbytes: the bytes queued now.</summary>
    public int Bytes => Messages.Sum(m => m.Text.Length);

    /// <summary>msg_lspid: the last sender.</summary>
    public Task? LastSender { get; set; }

    /// <summary>msg_lrpid: the last receiver.</summary>
    public Task? LastReceiver { get; set; }
}
