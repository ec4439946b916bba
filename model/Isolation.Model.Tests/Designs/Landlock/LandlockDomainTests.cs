using Isolation.Model.Abi;
using Isolation.Model.Designs.Landlock;

namespace Isolation.Model.Tests.Designs.Landlock;

/// <summary>
/// The domain arithmetic of security/landlock: layers stack up to 16, every handling layer must allow
/// a port, domain_is_scoped compares hierarchy nodes, domain_scope_le walks the child's hierarchy.
/// </summary>
public sealed class LandlockDomainTests
{
    [Fact]
    public void Merge_StacksSixteenLayers_ThenRefuses()
    {
        var ruleset = new LandlockRuleset(0, 0, LandlockAbi.ScopeSignal);
        LandlockDomain? domain = null;
        for (var i = 0; i < LandlockAbi.MaxNumLayers; i++)
        {
            domain = LandlockDomain.Merge(domain, ruleset);
            Assert.NotNull(domain);
        }

        Assert.Equal(16, domain!.Layers.Length);
        Assert.Null(LandlockDomain.Merge(domain, ruleset));
    }

    [Theory]
    [InlineData(80, LandlockAbi.AccessNetBindTcp, true)]
    [InlineData(81, LandlockAbi.AccessNetBindTcp, false)]
    [InlineData(81, LandlockAbi.AccessNetConnectTcp, true)]
    public void EveryLayerHandlingARight_MustAllowThePort(int port, ulong access, bool allowed)
    {
        var outer = new LandlockRuleset(0, LandlockAbi.AccessNetBindTcp, 0);
        outer.AddPortRule(80, LandlockAbi.AccessNetBindTcp);
        outer.AddPortRule(81, LandlockAbi.AccessNetBindTcp);
        var inner = new LandlockRuleset(0, LandlockAbi.MaskAccessNet, 0);
        inner.AddPortRule(80, LandlockAbi.AccessNetBindTcp);
        inner.AddPortRule(81, LandlockAbi.AccessNetConnectTcp);
        var domain = LandlockDomain.Merge(LandlockDomain.Merge(null, outer), inner)!;
        Assert.Equal(allowed, domain.AllowsNet(access, port));
    }

    [Fact]
    public void RulesetChangesAfterRestrict_DoNotReachTheDomain()
    {
        var ruleset = new LandlockRuleset(0, LandlockAbi.AccessNetBindTcp, 0);
        var domain = LandlockDomain.Merge(null, ruleset)!;
        ruleset.AddPortRule(80, LandlockAbi.AccessNetBindTcp);
        Assert.False(domain.AllowsNet(LandlockAbi.AccessNetBindTcp, 80));
    }

    [Fact]
    public void Scope_RefusesUnrelatedAndOuterServers_AllowsSameAndInner()
    {
        var scoped = new LandlockRuleset(0, 0, LandlockAbi.ScopeSignal);
        var client = LandlockDomain.Merge(null, scoped)!;
        var inner = LandlockDomain.Merge(client, new LandlockRuleset(0, LandlockAbi.AccessNetBindTcp, 0))!;
        var sibling = LandlockDomain.Merge(null, scoped)!;
        Assert.True(client.IsScopedFrom(null, LandlockAbi.ScopeSignal));
        Assert.True(client.IsScopedFrom(sibling, LandlockAbi.ScopeSignal));
        Assert.False(client.IsScopedFrom(client, LandlockAbi.ScopeSignal));
        Assert.False(client.IsScopedFrom(inner, LandlockAbi.ScopeSignal));
        Assert.False(inner.IsScopedFrom(client, LandlockAbi.ScopeSignal));
        Assert.False(client.IsScopedFrom(null, LandlockAbi.ScopeAbstractUnixSocket));
    }

    [Fact]
    public void PtraceOrder_IsAncestry()
    {
        var ruleset = new LandlockRuleset(0, LandlockAbi.AccessNetBindTcp, 0);
        var parent = LandlockDomain.Merge(null, ruleset)!;
        var child = LandlockDomain.Merge(parent, ruleset)!;
        var other = LandlockDomain.Merge(null, ruleset)!;
        Assert.True(child.IsWithin(parent));
        Assert.True(parent.IsWithin(parent));
        Assert.False(parent.IsWithin(child));
        Assert.False(other.IsWithin(parent));
    }
}
