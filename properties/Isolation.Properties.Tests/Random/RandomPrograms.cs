using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Isolation.Properties.Tests.Random;

/// <summary>
/// Generates syscall programs over a small universe — sockets of every kind, the addresses the
/// designs treat specially, fork/exit, kill, ptrace, credential drops, and every design's
/// configuration call — written as scenario text for any design.
/// </summary>
internal static class RandomPrograms
{
    private static readonly string[] Addresses =
    [
        "{sa_family=AF_UNIX, sun_path=@\"a\"}, 4",
        "{sa_family=AF_UNIX, sun_path=\"/tmp/s\"}, 9",
        "{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16",
        "{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"0.0.0.0\")}, 16",
        "{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"10.0.0.1\")}, 16",
        "{sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28",
    ];

    /// <summary>Calls with holes: {fd} a descriptor, {addr} an address and its length, {proc} a process.</summary>
    private static readonly string[] Calls =
    [
        "socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)",
        "socket(AF_UNIX, SOCK_DGRAM|SOCK_NONBLOCK, 0)",
        "socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)",
        "socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_UDP)",
        "socket(AF_INET6, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)",
        "socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])",
        "bind({fd}, {addr})",
        "connect({fd}, {addr})",
        "listen({fd}, 8)",
        "accept({fd}, NULL, NULL)",
        "sendto({fd}, \"x\", 1, MSG_DONTWAIT, {addr})",
        "recvfrom({fd}, \"\", 8, MSG_DONTWAIT, NULL, NULL)",
        "write({fd}, \"x\", 1)",
        "close({fd})",
        "fork()",
        "exit_group(0)",
        "kill({proc}, SIGUSR1)",
        "kill({proc}, SIGKILL)",
        "ptrace(PTRACE_ATTACH, {proc})",
        "ptrace(PTRACE_DETACH, {proc}, NULL, 0)",
        "ptrace(PTRACE_TRACEME)",
        "setuid(1000)",
        "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)",
        "prctl(PR_SET_NETWORK, PR_NETWORK_OFF)",
        "prctl(PR_SET_NOSUID, 1, 0, 0, 0)",
        "setrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=0})",
        "unshare(CLONE_NEWNET)",
        "unshare(CLONE_NEWUSER|CLONE_NEWNET)",
        "openat(AT_FDCWD, \"/proc/self/attr/exec\", O_WRONLY)",
        "write({fd}, \"ip 127.0.0.1\", 12)",
        "write({fd}, \"lock\", 4)",
        "execve(\"/proc/self/exe\", [\"/proc/self/exe\"], NULL)",
        "openat(AT_FDCWD, \"/proc\", O_RDONLY|O_DIRECTORY)",
        "getdents64({fd}, [], 32768)",
        "mkdir(\"/sys/fs/cgroup/c\", 0755)",
        "openat(AT_FDCWD, \"/sys/fs/cgroup/c/cgroup.procs\", O_WRONLY)",
        "openat(AT_FDCWD, \"/sys/fs/cgroup/c/network.ipv4\", O_WRONLY)",
        "write({fd}, \"add.0100007F\", 12)",
        "openat(AT_FDCWD, \"/proc/net/socket_table\", O_WRONLY)",
        "write({fd}, \"-A BIND --dport 8080 -j DROP\\n\", 29)",
        "shmget(0x1234, 4096, IPC_CREAT|0666)",
        "shmat(0, 0x10000000, 0)",
        "msgget(0x77, IPC_CREAT|0666)",
    ];

    /// <summary>A generator of programs of up to <paramref name="maxLength"/> events, as lists of choice numbers.</summary>
    public static Gen<int[]> Choices(int maxLength) =>
        Gen.Choose(1, maxLength).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, int.MaxValue), n * 4));

    /// <summary>Renders choices as a scenario for <paramref name="design"/>; every result is <c>= ?</c> except forks, which name their child.</summary>
    public static string Render(string design, int[] choices)
    {
        var text = new StringBuilder("# isolation-trace 1\n# design: ").Append(design).Append('\n');
        var processes = 1;
        for (var i = 0; i + 3 < choices.Length; i += 4)
        {
            var proc = "p" + (1 + (choices[i] % processes));
            var call = Calls[choices[i + 1] % Calls.Length]
                .Replace("{fd}", (3 + (choices[i + 2] % 4)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{addr}", Addresses[choices[i + 3] % Addresses.Length], StringComparison.Ordinal)
                .Replace("{proc}", "p" + (1 + (choices[i + 3] % processes)), StringComparison.Ordinal);
            var result = call == "fork()" ? "p" + ++processes : "?";
            text.Append(proc).Append(' ').Append(call).Append(" = ").Append(result).Append('\n');
        }

        return text.ToString();
    }
}
