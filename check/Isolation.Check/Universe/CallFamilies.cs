using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Isolation.Check.Universe;

/// <summary>
/// The call families of the default universe: the ways processes reach each other that the seeds
/// discuss (sockets of both domains, signals, ptrace) and making processes. The design's own entry
/// moves form the family <c>entry</c>.
/// </summary>
public static class CallFamilies
{
    /// <summary>The name of the family of the design's entry moves.</summary>
    public const string Entry = "entry";

    private const string UnixStream = "socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)";
    private const string UnixDgram = "socket(AF_UNIX, SOCK_DGRAM|SOCK_NONBLOCK, 0)";
    private const string TcpSocket = "socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)";
    private const string UdpSocket = "socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_UDP)";

    /// <summary>Every family but <c>entry</c>, in the order moves are generated.</summary>
    public static ImmutableArray<CallFamily> All { get; } =
    [
        new("process", ["fork()"]),
        new("unix", [UnixStream, UnixDgram, "bind({unixfd}, {unix})", "connect({unixfd}, {unix})", "sendto({unixfd}, \"x\", 1, MSG_DONTWAIT, {unix})"], [UnixStream, UnixDgram]),
        new("inet", [TcpSocket, UdpSocket, "bind({inetfd}, {inetbind})", "connect({inetfd}, {inet})", "sendto({inetfd}, \"x\", 1, MSG_DONTWAIT, {inet})"], [TcpSocket, UdpSocket]),
        new("stream", [
            "listen({sockfd}, 8)",
            "accept({sockfd}, NULL, NULL)",
            "write({sockfd}, \"x\", 1)",
            "recvfrom({sockfd}, \"\", 8, MSG_DONTWAIT, NULL, NULL)",
        ]),
        new("signal", ["kill({proc}, SIGUSR1)"]),
        new("ptrace", ["ptrace(PTRACE_ATTACH, {proc})"]),
    ];

    private static readonly FrozenDictionary<string, CallFamily> ByName = All.ToFrozenDictionary(f => f.Name);

    /// <summary>Every family name a threat model may list, <c>entry</c> included.</summary>
    public static IEnumerable<string> Names => All.Select(f => f.Name).Append(Entry);

    /// <summary>The family called <paramref name="name"/>, or null (also for <c>entry</c>, which belongs to the design).</summary>
    public static CallFamily? Find(string name) => ByName.GetValueOrDefault(name);
}
