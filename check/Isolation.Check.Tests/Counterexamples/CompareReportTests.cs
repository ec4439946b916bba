using Isolation.Check.Explore;
using Isolation.Check.Reports;
using Isolation.Check.Universe;
using Isolation.Properties;

namespace Isolation.Check.Tests.Counterexamples;

/// <summary>The comparison report: a row per claim, a graph per counterexample, and the first difference of a pair of designs.</summary>
public sealed class CompareReportTests
{
    [Fact]
    public void Report_ShowsViolationWithGraph_AndAPairsFirstDifference()
    {
        var universe = ProgramUniverse.For("nosuid-unshare", 4, 2, user: 1000);
        var check = Checker.Check([universe], PropertyCatalog.ForDesigns(["nosuid-unshare"]), new ExplorerOptions(), outDir: null);
        var difference = DifferenceFinder.Find("prctl-network-lsm", "prctl-network-lsm-fixed", depth: 3);
        var report = new CompareReport([check], [("prctl-network-lsm", "prctl-network-lsm-fixed", difference, null)], "test bounds");

        var markdown = report.Markdown(".");
        var html = report.Html(".");

        Assert.Contains("| nosuid-unshare | no-network-channel-out | **violated** in 4 events |", markdown, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Ptrace ptrace", html, StringComparison.Ordinal);
        Assert.NotNull(difference);
        Assert.Contains("sun_path=@", Isolation.Traces.Syntax.TracePrinter.PrintEvent(difference.FirstAnswer), StringComparison.Ordinal);
    }
}
