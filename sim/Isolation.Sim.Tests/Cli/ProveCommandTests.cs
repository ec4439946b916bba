using System.Text.Json;
using Isolation.Cli;

namespace Isolation.Sim.Tests.Cli;

/// <summary><c>isolation prove</c>: lines, JSON, emitted queries and witnesses, exit codes.</summary>
public sealed class ProveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isolation-prove-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Prove_PrctlNetworkLsm_RefutesTheAbstractSendWithAWitnessThatReplays()
    {
        if (!Solver.Smt.Z3InProcess.IsAvailable)
        {
            return; // scripts/setup installs libz3-4
        }

        var (code, stdout, _) = Run("prove", "--design", "prctl-network-lsm", "--emit", _dir);

        Assert.Equal(0, code);
        Assert.Contains("refuted  prctl-network-lsm/no-addressed-send/sendmsg/claim-enforced", stdout);
        Assert.Contains("as predicted", stdout);
        Assert.DoesNotContain("MISMATCH", stdout);
        Assert.True(File.Exists(Path.Combine(_dir, "prctl-network-lsm--no-addressed-send--sendmsg--claim-enforced.smt2")));
        Assert.True(File.Exists(Path.Combine(_dir, "prctl-network-lsm--no-addressed-send--sendmsg--claim-enforced.prctl-network-lsm.trace")));
    }

    [Fact]
    public void Prove_Json_CountsEveryVerdict()
    {
        if (!Solver.Smt.Z3InProcess.IsAvailable)
        {
            return; // scripts/setup installs libz3-4
        }

        var (code, stdout, _) = Run("prove", "--design", "prctl-network", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var total = json.RootElement.GetProperty("obligations").GetArrayLength();
        var counted = json.RootElement.GetProperty("proved").GetInt32() + json.RootElement.GetProperty("refuted").GetInt32() + json.RootElement.GetProperty("unknown").GetInt32();
        Assert.Equal(total, counted);
        Assert.Equal(0, json.RootElement.GetProperty("unknown").GetInt32());
    }

    [Fact]
    public void Prove_UnknownDesignOrSolver_IsBadInput()
    {
        Assert.Equal(2, Run("prove", "--design", "no-such-design").Code);
        Assert.Equal(2, Run("prove", "--solver", "yices").Code);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Invoke(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
