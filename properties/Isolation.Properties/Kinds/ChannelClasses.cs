using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Channels;

namespace Isolation.Properties.Kinds;

/// <summary>
/// Classes of channel the seed-004 claims name: abstract unix names (every other unix channel goes
/// through a filesystem name or a socketpair), network sockets, uncatchable signals, ptrace; and
/// Stone's "sufficiently access controlled" test. Exemption
/// predicates for <see cref="NoNewChannelProperty"/> are built from them.
/// </summary>
/// <remarks>
/// Seed 004 (004_395e695cd1b36f96.txt), Michael Stone, 2009-12-18, points 2 and 8: "Messages are
/// sent and received over 'channels'. Common channels include open file descriptors, memory
/// segments, message queues, file systems, process signalling trees, and ptrace attachments";
/// "Anything that has to pass a regular Unix uid/gid/world discretionary access check *and* which
/// the partner principal(s) have the opportunity to turn down is sufficiently access controlled.
/// Everything else is not."
/// </remarks>
public static class ChannelClasses
{
    /// <summary>A connection or datagram between unix sockets.</summary>
    public static bool IsUnix(Channel channel) => channel.Kind is ChannelKind.UnixStream or ChannelKind.UnixDatagram;

    /// <summary>A unix channel to an abstract name (the kernel model writes it <c>@"name"</c>).</summary>
    public static bool IsAbstractUnix(Channel channel) => IsUnix(channel) && channel.Via.StartsWith('@');

    /// <summary>A TCP connection or UDP datagram.</summary>
    public static bool IsInet(Channel channel) => channel.Kind is ChannelKind.InetStream or ChannelKind.InetDatagram;

    /// <summary>A signal the receiver cannot catch, block or ignore (SIGKILL, SIGSTOP).</summary>
    public static bool IsUncatchableSignal(Channel channel) =>
        channel.Kind == ChannelKind.Signal && channel.Via is "SIGKILL" or "SIGSTOP";

    /// <summary>
    /// The network-off patches' claim: "irrevocably remove their ability to create, bind, connect
    /// to, or send messages except in the case of previously connected sockets or AF_UNIX
    /// filesystem sockets", plus ptrace as each posting rules it (<paramref name="ptraceAllowed"/>).
    /// A socketpair is a previously connected socket. Signals, SysV IPC and passed descriptors are
    /// outside the claim.
    /// </summary>
    public static Func<KernelState, Channel, bool> NetworkOffClaim(Func<KernelState, Channel, bool> ptraceAllowed) =>
        (kernel, channel) => channel.Kind switch
        {
            ChannelKind.UnixStream or ChannelKind.UnixDatagram => !IsAbstractUnix(channel),
            ChannelKind.InetStream or ChannelKind.InetDatagram => false,
            ChannelKind.Ptrace => ptraceAllowed(kernel, channel),
            _ => true,
        };

    /// <summary>
    /// Stone's point 8: a channel passes when it needs a DAC check and the partner can turn it
    /// down — filesystem unix sockets (the socket file's mode, then accept), SysV objects (their
    /// mode bits), passed descriptors (received over an existing channel), socketpairs (made by
    /// the task or given to it), catchable signals.
    /// Network sockets, abstract names (no DAC at all), uncatchable signals and ptrace ("the
    /// process being traced has no opportunity to say 'don't open this channel'") do not, except
    /// ptrace as the posting allows it (<paramref name="ptraceAllowed"/>).
    /// </summary>
    public static Func<KernelState, Channel, bool> SufficientlyControlled(Func<KernelState, Channel, bool> ptraceAllowed) =>
        (kernel, channel) => channel.Kind switch
        {
            ChannelKind.UnixStream or ChannelKind.UnixDatagram => !IsAbstractUnix(channel),
            ChannelKind.InetStream or ChannelKind.InetDatagram => false,
            ChannelKind.Ptrace => ptraceAllowed(kernel, channel),
            ChannelKind.Signal => !IsUncatchableSignal(channel),
            _ => true,
        };

    /// <summary>No ptrace attachment is allowed (RLIMIT_NETWORK's rule).</summary>
    public static bool NoPtrace(KernelState kernel, Channel channel) => false;
}
