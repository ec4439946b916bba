using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Kernel.Channels;

/// <summary>
/// One use of a channel: <paramref name="From"/> got data (or control) to <paramref name="To"/>
/// by <paramref name="Kind"/>; <paramref name="Via"/> says through what (<c>@"proxy"</c>,
/// <c>127.0.0.1:80</c>, <c>SIGUSR1</c>), for reports; <paramref name="SentAt"/> is the kernel clock
/// of the event that sent it (queued data is received later).
/// </summary>
public sealed record Channel(ChannelKind Kind, Task From, Task To, string Via, long SentAt);
