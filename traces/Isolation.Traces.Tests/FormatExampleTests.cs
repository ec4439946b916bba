using System.Runtime.CompilerServices;
using Isolation.Traces.Syntax;
using static Isolation.Traces.Tests.TraceText;

namespace Isolation.Traces.Tests;

/// <summary>Every example of the format contract (/work/shared/TRACE-FORMAT.md, copied into traces/FORMAT.md) reads and prints back unchanged.</summary>
public sealed class FormatExampleTests
{
    /// <summary>The "Example" section of the format.</summary>
    public const string Example = """
        # isolation-trace 1
        # scenario: abstract-socket-proxy
        # design: prctl-network-lsm
        p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3
        p1 bind(3, {sa_family=AF_UNIX, sun_path=@"proxy"}, 8) = 0
        p1 listen(3, 8) = 0
        p1 fork() = p2
        p2 prctl(PR_SET_NETWORK, PR_NETWORK_OFF) = 0
        p2 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EPERM (Operation not permitted)
        p2 socket(AF_UNIX, SOCK_STREAM, 0) = 4
        p2 connect(4, {sa_family=AF_UNIX, sun_path=@"proxy"}, 8) = 0

        """;

    /// <summary>The header block of the "Lines" section.</summary>
    public const string HeaderBlock = """
        # isolation-trace 1
        # scenario: v3-abstract-proxy
        # kernel: 6.12.117 (patched: prctl-network-lsm)     <- traces only: `uname -r` and what ran
        # design: prctl-network-lsm                          <- which design the model must load
        # setup: netns                                       <- optional named environment, see below

        """;

    [Fact]
    public void Example_RoundTripsExactly()
    {
        var file = Parse(Example);
        Assert.Equal(Example, TracePrinter.Print(file));
        Assert.Equal("prctl-network-lsm", file.HeaderValue("design"));
        Assert.Equal(8, file.Events.Count());
        Assert.Equal(Errno.EPERM, Assert.IsType<ErrorResult>(file.Events.ElementAt(5).Result).Errno);
    }

    [Fact]
    public void HeaderBlock_RoundTripsExactly()
    {
        var file = Parse(HeaderBlock);
        Assert.Equal(HeaderBlock, TracePrinter.Print(file));
        Assert.Equal("netns                                       <- optional named environment, see below", file.HeaderValue("setup"));
    }

    [Theory]
    [InlineData("p1 connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"10.0.0.5\")}, 16) = 0")]
    [InlineData("p1 connect(3, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0")]
    [InlineData("p1 bind(3, {sa_family=AF_UNIX, sun_path=\"/run/x.sock\"}, 14) = 0")]
    [InlineData("p1 bind(3, {sa_family=AF_UNIX, sun_path=@\"name\"}, 7) = 0")]
    [InlineData("p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0) = 3")]
    [InlineData("p1 openat(AT_FDCWD, \"/proc/self/attr/exec\", O_WRONLY) = 3")]
    [InlineData("p1 write(3, \"ip 10.0.0.5\", 11) = 11")]
    [InlineData("p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0")]
    [InlineData("p1 execve(\"/proc/self/exe\", [\"x\"], NULL) = 0")]
    [InlineData("p1 kill(p2, SIGUSR1) = 0")]
    [InlineData("p1 ptrace(PTRACE_ATTACH, p2) = 0")]
    [InlineData("p1 ptrace(PTRACE_DETACH, p2, NULL, 0) = 0")]
    [InlineData("p1 exit_group(0) = ?")]
    [InlineData("p1 recvfrom(3, \"\", 1, MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)")]
    [InlineData("p1 landlock_create_ruleset({handled_access_fs=0, handled_access_net=LANDLOCK_ACCESS_NET_BIND_TCP, scoped=LANDLOCK_SCOPE_SIGNAL}, 24, 0) = 3")]
    [InlineData("p1 landlock_add_rule(3, LANDLOCK_RULE_NET_PORT, {allowed_access=LANDLOCK_ACCESS_NET_CONNECT_TCP, port=8080}, 0) = 0")]
    public void ContractLine_RoundTripsExactly(string line)
    {
        string text = Magic + "p1 fork() = p2\n" + line + "\n";
        Assert.Equal(text, TracePrinter.Print(Parse(text)));
    }

    [Fact]
    public void ProjectFormatDocument_ExamplesReadAndRoundTrip()
    {
        var blocks = IndentedBlocks(File.ReadAllLines(FormatDocument())).Where(b => b.StartsWith(Magic, StringComparison.Ordinal)).ToList();
        Assert.True(blocks.Count >= 3, $"found {blocks.Count} example blocks");
        Assert.All(blocks, b => Assert.Equal(b, TracePrinter.Print(TraceParser.Parse(b, "FORMAT.md"))));
    }

    [Fact]
    public void ProjectFormatDocument_StartsWithTheContract()
    {
        string contract = File.ReadAllText(FormatDocument()).Split("\n## Extensions in this project")[0];
        Assert.Contains("# Trace and scenario format, version 1", contract, StringComparison.Ordinal);
        Assert.Contains(Example.Replace("\n", "\n    ", StringComparison.Ordinal).TrimEnd(' '), "    " + contract.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectFormatDocument_RawExampleReadsAsShown()
    {
        var blocks = IndentedBlocks(File.ReadAllLines(FormatDocument())).ToList();
        int raw = blocks.FindIndex(b => b.StartsWith("8977  socket", StringComparison.Ordinal));
        Assert.True(raw >= 0, "raw example not found");
        Assert.Equal(blocks[raw + 1], TracePrinter.Print(TraceParser.Parse(blocks[raw], "raw.strace")));
    }

    private static IEnumerable<string> IndentedBlocks(string[] lines)
    {
        var block = new List<string>();
        foreach (string line in lines.Append(""))
        {
            if (line.StartsWith("    ", StringComparison.Ordinal))
            {
                block.Add(line[4..]);
                continue;
            }

            if (block.Count > 0)
            {
                yield return string.Join('\n', block) + "\n";
                block.Clear();
            }
        }
    }

    private static string FormatDocument([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "FORMAT.md"));
}
