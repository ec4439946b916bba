using Isolation.Model.Designs.NetContainer;
using Isolation.Sim.Replay;

namespace Isolation.Model.Tests.Designs.NetContainer;

/// <summary>
/// The netcontainer-can-attach variant: its own scenarios, and every scenario of the posted design
/// but the two escapes, which the variant answers the same way (it only adds can_attach).
/// </summary>
public sealed class NetContainerCanAttachScenarioTests
{
    /// <summary>The posted design's scenarios whose answers the variant changes.</summary>
    private static readonly string[] Escapes = ["escape-to-root-container", "escape-to-sibling-container"];

    /// <summary>The variant's scenario files, by name.</summary>
    public static TheoryData<string> Files() => DesignScenarioFolder.Files(NetContainerDesign.CanAttachName);

    /// <summary>The posted design's scenarios the variant must answer alike.</summary>
    public static TheoryData<string> SharedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in Directory.GetFiles(DesignScenarioFolder.Folder(NetContainerDesign.Name), "*.trace").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).Except(Escapes))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ReplaysWithTheExpectedResults(string name) => DesignScenarioFolder.AssertReplays(NetContainerDesign.CanAttachName, name);

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void PostedDesignScenario_ReplaysAlikeUnderTheVariant(string name)
    {
        var result = Replayer.Replay(DesignScenarioFolder.Read(NetContainerDesign.Name, name), NetContainerDesign.CanAttachName);
        Assert.True(result.Passed, string.Join("\n", result.Mismatches.Select(m => m.ToString()).Append(result.Error?.ToString() ?? string.Empty)));
    }

    [Theory]
    [InlineData("escape-to-root-container")]
    [InlineData("escape-to-sibling-container")]
    public void Escape_FailsWithEpermUnderTheVariant(string name)
    {
        var result = Replayer.Replay(DesignScenarioFolder.Read(NetContainerDesign.Name, name), NetContainerDesign.CanAttachName);
        Assert.Equal(2, result.Mismatches.Length);
        Assert.Contains("EPERM", result.Mismatches[0].ToString(), StringComparison.Ordinal);
    }
}
