using Isolation.Model.Lsm;
using Isolation.Model.Tests.Tasks;

namespace Isolation.Model.Tests.Fs;

/// <summary>Kernels for file system tests: root p1, and p2 forked from it and turned into user 1000.</summary>
internal static class FsHarness
{
    /// <summary>Boots root p1, runs <paramref name="rootSetup"/> as p1, then makes p2 (uid and gid 1000, no capabilities).</summary>
    public static ProcHarness WithUser(string[] rootSetup, params SecurityModule[] modules)
    {
        var h = new ProcHarness(0, modules);
        h.Setup(rootSetup);
        h.Setup("p1 fork()", "p2 setresgid(1000, 1000, 1000)", "p2 setresuid(1000, 1000, 1000)");
        return h;
    }
}
