using Isolation.Model.Kernel.Fds;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>What a receive produced besides its return value (the kernel's msghdr on the way out).</summary>
public sealed class RecvResult
{
    /// <summary>The bytes copied to the caller.</summary>
    public byte[] Data { get; set; } = [];

    /// <summary>The source address, or null when the sender has none (msg_namelen 0).</summary>
    public SockAddr? From { get; set; }

    /// <summary>Files received with SCM_RIGHTS, each holding one reference for the receiver to take over.</summary>
    public List<OpenFile> Files { get; } = [];

    /// <summary>MSG_TRUNC / MSG_CTRUNC bits for msg_flags.</summary>
    public int MsgFlags { get; set; }
}
