using Isolation.Model.Designs;
using Isolation.Model.Lsm;
using Isolation.Solver.Obligations;
using Isolation.Solver.Proving;
using Isolation.Solver.Smt;

namespace Isolation.Solver.Tests;

/// <summary>The obligations as a whole: coverage of every hook, both solvers' agreement, and every witness replaying as predicted.</summary>
public sealed class ObligationTests
{
    /// <summary>
    /// Hooks a design registers that decide nothing the rules could state: they label objects,
    /// copy blobs, count tasks or parse configuration text (whose refusals are argument checks).
    /// </summary>
    private static readonly Dictionary<string, string[]> StateOnlyHooks = new()
    {
        ["bsdjail"] = ["task_free", "bprm_creds_for_exec", "getprocattr", "socket_post_create", "task_to_inode", "file_set_fowner", "shm_alloc", "msg_queue_alloc", "sem_alloc"],
        ["task-lookup"] = ["task_alloc", "bprm_committing_creds", "getprocattr"],
        ["rlimit-network"] = ["rlimit_resource"],
        ["prctl-network"] = ["task_alloc"],
        ["prctl-network-lsm"] = ["task_alloc"],
        ["prctl-network-lsm-fixed"] = ["task_alloc"],
        ["nosuid-unshare"] = ["task_alloc"],
        ["landlock"] = ["task_alloc", "socket_post_create"],
        ["landlock-6.18"] = ["task_alloc", "socket_post_create"],
    };

    public static TheoryData<string> DesignsWithModules() =>
        [.. DesignCatalog.All.Where(d => d.CreateModule is not null && !d.Rules.IsEmpty).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DesignsWithModules))]
    public void EveryDecidingHook_HasAnObligation(string name)
    {
        var design = DesignCatalog.Find(name)!;
        var covered = ObligationCatalog.For([design]).SelectMany(o => o.Hooks).ToHashSet();
        var stateOnly = StateOnlyHooks.GetValueOrDefault(name, []);
        var missing = RegisteredHooks(design).Where(h => !covered.Contains(h) && !stateOnly.Contains(h)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Z3AndCvc5_AgreeOnEveryObligation_AndEveryWitnessReplaysAsPredicted()
    {
        if (!(Z3InProcess.IsAvailable && ProcessSolver.IsInstalled("cvc5")))
        {
            return; // scripts/setup installs libz3-4 and cvc5; without them there is nothing to run
        }

        var run = ProofRun.Run([.. DesignCatalog.All], [new Z3InProcess(), ProcessSolver.Cvc5()], emit: null);
        Assert.All(run.Results, r => Assert.True(r.SolversAgree, $"{r.Obligation.Id}: {r.Reason}"));
        Assert.DoesNotContain(run.Results, r => r.Status == SmtStatus.Unknown);
        Assert.All(run.Replays.SelectMany(p => p.Value.Select(o => (p.Key, o))), x => Assert.True(x.o.Holds, $"{x.Key}: {x.o.Prediction.Design} answered {x.o.Answer}\n{x.o.Trace}"));
        Assert.True(run.Elapsed < TimeSpan.FromMinutes(1), $"all obligations took {run.Elapsed}");
    }

    [Fact]
    public void Z3AsAProcess_AgreesWithZ3InProcess()
    {
        if (!(Z3InProcess.IsAvailable && ProcessSolver.IsInstalled("z3")))
        {
            return; // scripts/setup installs libz3-4 and z3
        }

        var designs = new[] { DesignCatalog.Find("prctl-network-lsm")!, DesignCatalog.Find("prctl-network")! };
        var run = ProofRun.Run(designs, [new Z3InProcess(), ProcessSolver.Z3()], emit: null);
        Assert.All(run.Results, r => Assert.True(r.SolversAgree, $"{r.Obligation.Id}: {r.Reason}"));
        Assert.Contains(run.Results, r => r.Status == SmtStatus.Sat);
        Assert.Contains(run.Results, r => r.Status == SmtStatus.Unsat);
    }

    [Fact]
    public void PrctlNetworkLsm_PermitsAnAbstractSendThatPrctlNetworkRefuses()
    {
        if (!Z3InProcess.IsAvailable)
        {
            return; // scripts/setup installs libz3-4 and cvc5; without them there is nothing to run
        }

        var designs = new[] { DesignCatalog.Find("prctl-network-lsm")!, DesignCatalog.Find("prctl-network")! };
        var obligation = ObligationCatalog.For(designs).Single(o => o.Id == "prctl-network-lsm/refines/prctl-network/sendmsg");
        var result = new Prover([new Z3InProcess()]).Prove(obligation);
        Assert.Equal(SmtStatus.Sat, result.Status);
        Assert.Equal(UInt128.One, result.Witness!["abstract_name"]);
        var outcomes = result.Scenario!.Predictions.Select(p => Witnesses.WitnessReplay.Run(p, "witness.trace")).ToList();
        Assert.All(outcomes, o => Assert.True(o.Holds, o.Trace));
        Assert.Equal(Traces.Errno.EPERM, outcomes.Single(o => o.Prediction.Design == "prctl-network").Answer);
    }

    [Fact]
    public void FlagsOfPrctlNetwork_OnlyGrow()
    {
        if (!Z3InProcess.IsAvailable)
        {
            return; // scripts/setup installs libz3-4 and cvc5; without them there is nothing to run
        }

        var obligation = ObligationCatalog.For([DesignCatalog.Find("prctl-network")!]).Single(o => o.Kind == ObligationKind.Monotonic);
        Assert.Equal(SmtStatus.Unsat, new Prover([new Z3InProcess()]).Prove(obligation).Status);
    }

    // The Linux names of the hook lists the design's module adds to.
    private static IEnumerable<string> RegisteredHooks(Design design)
    {
        var table = new HookTable();
        design.CreateModule!().Register(table);
        foreach (var property in typeof(HookTable).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(HookList<>)))
        {
            var list = property.GetValue(table)!;
            var count = ((System.Collections.ICollection)list.GetType().GetProperty("Entries")!.GetValue(list)!).Count;
            if (count > 0)
            {
                yield return (string)list.GetType().GetProperty("Name")!.GetValue(list)!;
            }
        }
    }
}
