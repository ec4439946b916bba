using Isolation.Model.Designs.Landlock;
using Isolation.Model.Tests.Sockets;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Designs.Landlock;

/// <summary>
/// The Landlock system calls and hooks as the model answers them: the ABI each release reports,
/// the order of the checks, and what the hooks refuse, in the errno Linux gives.
/// </summary>
public sealed class LandlockCallsTests
{
    private const string NetRuleset = "{handled_access_fs=0, handled_access_net=LANDLOCK_ACCESS_NET_BIND_TCP|LANDLOCK_ACCESS_NET_CONNECT_TCP, scoped=0}";

    [Theory]
    [InlineData("landlock", "6", "15", "EINVAL")]
    [InlineData("landlock-6.18", "7", "7", "0")]
    public void Release_DecidesTheVersionErrataAndRestrictFlags(string design, string abi, string errata, string logFlag)
    {
        var h = Boot(design == LandlockDesign.Name ? LandlockRelease.Linux612 : LandlockRelease.Linux618);
        Assert.Equal(abi, h.R("p1 landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION)"));
        Assert.Equal(errata, h.R("p1 landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_ERRATA)"));
        Assert.Equal(logFlag, h.R("p1 landlock_restrict_self(-1, LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF)"));
        Assert.Equal(design, new LandlockModule(design == LandlockDesign.Name ? LandlockRelease.Linux612 : LandlockRelease.Linux618).Name);
    }

    [Fact]
    public void WithoutTheModule_EveryCallIsEOPNOTSUPP()
    {
        var h = new NetHarness();
        Assert.Equal("EOPNOTSUPP", h.R("p1 landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION)"));
        Assert.Equal("EOPNOTSUPP", h.R("p1 landlock_add_rule(3, LANDLOCK_RULE_NET_PORT, {allowed_access=LANDLOCK_ACCESS_NET_BIND_TCP, port=80}, 0)"));
        Assert.Equal("EOPNOTSUPP", h.R("p1 landlock_restrict_self(3, 0)"));
    }

    [Theory]
    [InlineData(24, "3")]
    [InlineData(8, "ENOMSG")]
    [InlineData(7, "EINVAL")]
    [InlineData(4096, "3")]
    [InlineData(4097, "E2BIG")]
    public void AttributeSize_FollowsCopyMinStructFromUser(int size, string expected) =>
        Assert.Equal(expected, Boot().R($"p1 landlock_create_ruleset({NetRuleset}, {size}, 0)"));

    [Fact]
    public void AttributeCutBySize_KeepsTheLowBytesOfAField()
    {
        var h = Boot();
        Assert.Equal("ENOMSG", h.R("p1 landlock_create_ruleset({handled_access_fs=0, handled_access_net=0, scoped=0x100}, 17, 0)"));
        Assert.Equal("3", h.R("p1 landlock_create_ruleset({handled_access_fs=0, handled_access_net=0, scoped=LANDLOCK_SCOPE_SIGNAL}, 17, 0)"));
    }

    [Fact]
    public void FileSystemRules_AreCheckedUpToTheLookup_ThenRefusedAsNotModelled()
    {
        var h = Boot();
        h.Setup("p1 landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE, handled_access_net=0, scoped=0}, 24, 0)");
        Assert.Equal("ENOMSG", h.R("p1 landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=0, parent_fd=0}, 0)"));
        Assert.Equal("EINVAL", h.R("p1 landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_READ_FILE, parent_fd=0}, 0)"));
        Assert.Throws<TraceException>(() => h.Run("p1 landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=0}, 0)"));
        Assert.Throws<TraceException>(() => h.Run("p1 landlock_restrict_self(3, 0)"));
    }

    [Fact]
    public void RestrictSelf_ChecksPrivilegeBeforeFlagsAndDescriptor()
    {
        var h = Boot(user: 1000);
        Assert.Equal("EPERM", h.R("p1 landlock_restrict_self(999, 8)"));
        h.Setup("p1 prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)");
        Assert.Equal("EINVAL", h.R("p1 landlock_restrict_self(999, 8)"));
        Assert.Equal("EBADF", h.R("p1 landlock_restrict_self(999, 0)"));
        Assert.Equal("EBADFD", h.R("p1 landlock_restrict_self(0, 0)"));
    }

    [Fact]
    public void ShortAddress_IsEINVAL_BeforeThePortIsLookedUp()
    {
        var h = Boot();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", $"p1 landlock_create_ruleset({NetRuleset}, 24, 0)", "p1 landlock_restrict_self(4, 0)");
        Assert.Equal("EINVAL", h.R($"p1 bind(3, {NetHarness.In4("127.0.0.1", 80)}, 15)"));
        Assert.Equal("EACCES", h.R($"p1 bind(3, {NetHarness.In4("127.0.0.1", 80)}, 16)"));
        Assert.Equal("0", h.R("p1 connect(3, {sa_family=AF_UNSPEC}, 2)"));
    }

    [Fact]
    public void SocketBlob_IsTheCreatorsDomainAtCreation()
    {
        var module = new LandlockModule(LandlockRelease.Linux612);
        var h = new NetHarness("host", 0, module);
        h.Setup("p1 socket(AF_UNIX, SOCK_STREAM, 0)", "p1 landlock_create_ruleset({handled_access_fs=0, handled_access_net=0, scoped=LANDLOCK_SCOPE_SIGNAL}, 24, 0)",
            "p1 landlock_restrict_self(4, 0)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)");
        Assert.Null(module.CreatorDomainOf(h.Sock<Model.Kernel.Sockets.Socket>(1, 3)));
        Assert.Same(module.DomainOf(h.P(1)), module.CreatorDomainOf(h.Sock<Model.Kernel.Sockets.Socket>(1, 5)));
    }

    [Fact]
    public void LandlockStacksWithOtherModules_InStackingOrder()
    {
        var refuse = new Tasks.TestModule((hooks, m) => hooks.SocketBind.Add(m, (_, _, _) => Errno.EPERM));
        var h = new NetHarness("host", 0, new LandlockModule(LandlockRelease.Linux612), refuse);
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", $"p1 landlock_create_ruleset({NetRuleset}, 24, 0)", "p1 landlock_restrict_self(4, 0)");
        Assert.Equal("EACCES", h.R($"p1 bind(3, {NetHarness.In4("127.0.0.1", 80)}, 16)"));
        var g = new NetHarness("host", 0, refuse, new LandlockModule(LandlockRelease.Linux612));
        g.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", $"p1 landlock_create_ruleset({NetRuleset}, 24, 0)", "p1 landlock_restrict_self(4, 0)");
        Assert.Equal("EPERM", g.R($"p1 bind(3, {NetHarness.In4("127.0.0.1", 80)}, 16)"));
    }

    private static NetHarness Boot(LandlockRelease? release = null, int user = 0) =>
        new("host", user, new LandlockModule(release ?? LandlockRelease.Linux612));
}
