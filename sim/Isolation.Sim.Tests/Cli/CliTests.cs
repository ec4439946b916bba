using Isolation.Cli;

namespace Isolation.Sim.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isolation-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Designs_ListsBaselineWithItsSummary()
    {
        var (code, stdout, _) = Run("designs");

        Assert.Equal(0, code);
        Assert.Contains("baseline", stdout);
        Assert.Contains("classic DAC and capability rules", stdout);
    }

    [Fact]
    public void Designs_ListsEveryDesignOfTheCatalogWithItsProperties()
    {
        var (_, stdout, _) = Run("designs");

        foreach (var design in Isolation.Model.Designs.DesignCatalog.All)
        {
            Assert.Contains(design.Name + " ", stdout);
        }

        Assert.Contains("property bsdjail/no-ptrace-out-of-jail", stdout);
    }

    [Fact]
    public void Properties_ForOneDesign_GivesSourcesAndCount()
    {
        var (code, stdout, _) = Run("properties", "--design", "prctl-network-lsm");

        Assert.Equal(0, code);
        Assert.Contains("prctl-network-lsm/", stdout);
        Assert.Contains("source: ", stdout);
        Assert.DoesNotContain("bsdjail/", stdout);
    }

    [Fact]
    public void Properties_UnknownDesign_ExitsTwo()
    {
        var (code, _, stderr) = Run("properties", "--design", "nosuch");

        Assert.Equal(2, code);
        Assert.Contains("unknown design 'nosuch'", stderr);
    }

    [Theory]
    [InlineData("designs")]
    [InlineData("run")]
    [InlineData("replay")]
    [InlineData("properties")]
    [InlineData("capture")]
    public void EveryVerb_HasHelp(string verb)
    {
        var (code, stdout, _) = Run(verb, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", stdout);
    }

    [Fact]
    public void Replay_CountsFilesAndEndsWithTheSummaryLine()
    {
        var good = Write("good.trace", "p1 close(5) = -1 EBADF (Bad file descriptor)");
        var bad = Write("bad.trace", "p1 close(5) = 0");

        var (code, stdout, _) = Run("replay", good, bad);

        Assert.Equal(1, code);
        Assert.Contains("bad.trace:2:1: mismatch: p1 close", stdout);
        Assert.Equal("1 passed, 1 failed", stdout.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void Replay_AllAgree_ExitsZero()
    {
        var good = Write("good.trace", "p1 close(5) = -1 EBADF (Bad file descriptor)");

        var (code, stdout, _) = Run("replay", _dir);

        Assert.Equal(0, code);
        Assert.EndsWith("1 passed, 0 failed", stdout.TrimEnd());
    }

    [Fact]
    public void Replay_MalformedFile_FailsWithFileLineColumn()
    {
        var broken = Write("broken.trace", "p1 close(5 = 0");

        var (code, stdout, _) = Run("replay", broken);

        Assert.Equal(1, code);
        Assert.Contains("broken.trace:2:", stdout);
        Assert.EndsWith("0 passed, 1 failed", stdout.TrimEnd());
    }

    [Fact]
    public void Run_PrintsTheModelsTrace()
    {
        var scenario = Write("s.trace", "p1 socket(AF_UNIX, SOCK_DGRAM, 0) = ?");

        var (code, stdout, _) = Run("run", scenario);

        Assert.Equal(0, code);
        Assert.Contains("p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 3", stdout);
    }

    [Fact]
    public void Run_MissingFile_ExitsTwoWithItsPath()
    {
        var (code, _, stderr) = Run("run", Path.Combine(_dir, "absent.trace"));

        Assert.Equal(2, code);
        Assert.Contains("absent.trace", stderr);
    }

    private string Write(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "# isolation-trace 1\n" + body + "\n");
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Invoke(args, stdout, stderr);
        return (code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString());
    }
}
