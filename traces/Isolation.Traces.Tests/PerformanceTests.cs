using System.Text;
using Isolation.Traces.Syntax;
using Xunit.Abstractions;

namespace Isolation.Traces.Tests;

/// <summary>The reader is linear and fast: a 10,000-event trace in well under 100 ms after warm-up.</summary>
[Collection(TimingCollection.Name)]
public sealed class PerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void TenThousandEvents_ParseInUnder100Milliseconds()
    {
        var sb = new StringBuilder(TraceText.Magic);
        string[] lines =
        [
            "p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0) = 3",
            "p1 bind(3, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
            "p1 read(3, \"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\20t\\2\\0\\0\\0\\0\\0\"..., 832) = 832",
            "p1 recvmsg(4, {msg_name=NULL, msg_namelen=110 => 0, msg_iov=[{iov_base=\"x\", iov_len=10}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[7]}], msg_controllen=24, msg_flags=0}, 0) = 1",
            "p1 connect(5, {sa_family=AF_INET, sin_port=htons(1), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 ECONNREFUSED (Connection refused)",
        ];
        for (int i = 0; i < 10_000; i++)
        {
            sb.Append(lines[i % lines.Length]).Append('\n');
        }

        string text = sb.ToString();
        for (int i = 0; i < 3; i++)
        {
            TraceParser.Parse(text, "warm.trace");
        }

        var best = CpuClock.Best(7, () => Assert.Equal(10_000, TraceParser.Parse(text, "perf.trace").Events.Count()));
        output.WriteLine($"best of 7: {best.Cpu:F1} ms processor time ({best.Wall:F1} ms wall) for 10,000 events");
        Assert.True(best.Cpu < 100, $"took {best.Cpu:F1} ms");
    }
}
