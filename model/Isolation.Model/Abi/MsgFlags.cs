namespace Isolation.Model.Abi;

/// <summary>send/recv message flags (MSG_*) as x86-64 Linux numbers them, and the names strace prints.</summary>
/// <remarks>include/linux/socket.h (6.12).</remarks>
public static class MsgFlags
{
    /// <summary>MSG_OOB</summary>
    public const int Oob = 0x1;
    /// <summary>MSG_PEEK</summary>
    public const int Peek = 0x2;
    /// <summary>MSG_CTRUNC: control data was cut short (set by the kernel in msg_flags).</summary>
    public const int Ctrunc = 0x8;
    /// <summary>MSG_TRUNC: a datagram was longer than the buffer.</summary>
    public const int Trunc = 0x20;
    /// <summary>MSG_DONTWAIT</summary>
    public const int DontWait = 0x40;
    /// <summary>MSG_EOR</summary>
    public const int Eor = 0x80;
    /// <summary>MSG_WAITALL</summary>
    public const int WaitAll = 0x100;
    /// <summary>MSG_NOSIGNAL</summary>
    public const int NoSignal = 0x4000;
    /// <summary>MSG_CMSG_CLOEXEC: descriptors received by SCM_RIGHTS get close-on-exec.</summary>
    public const int CmsgCloexec = 0x40000000;

    /// <summary>The names strace prints for message flags.</summary>
    public static readonly SymbolTable Table = new(
        "message flag",
        ("MSG_OOB", Oob), ("MSG_PEEK", Peek), ("MSG_DONTROUTE", 0x4), ("MSG_CTRUNC", Ctrunc), ("MSG_PROBE", 0x10),
        ("MSG_TRUNC", Trunc), ("MSG_DONTWAIT", DontWait), ("MSG_EOR", Eor), ("MSG_WAITALL", WaitAll),
        ("MSG_FIN", 0x200), ("MSG_SYN", 0x400), ("MSG_CONFIRM", 0x800), ("MSG_RST", 0x1000),
        ("MSG_ERRQUEUE", 0x2000), ("MSG_NOSIGNAL", NoSignal), ("MSG_MORE", 0x8000), ("MSG_WAITFORONE", 0x10000),
        ("MSG_BATCH", 0x40000), ("MSG_ZEROCOPY", 0x4000000), ("MSG_FASTOPEN", 0x20000000),
        ("MSG_CMSG_CLOEXEC", CmsgCloexec));
}
