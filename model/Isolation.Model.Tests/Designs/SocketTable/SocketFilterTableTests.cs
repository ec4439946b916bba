using FsCheck;
using FsCheck.Fluent;
using Isolation.Model.Designs.SocketTable;
using Isolation.Traces;

namespace Isolation.Model.Tests.Designs.SocketTable;

/// <summary>Rule evaluation as Menage proposed it (seed 002_d6ff0dffc80eb989.txt): first match, then the policy; EPERM for DROP and REJECT.</summary>
public sealed class SocketFilterTableTests
{
    private static readonly FakePacket Loopback80 = new(SocketRule.Tcp, 0x7F000001, 80, 0, 0);

    [Fact]
    public void EmptyTable_AcceptsEverything() =>
        Assert.Equal(SocketVerdict.Accept, new SocketFilterTable().Evaluate(SocketChain.Bind, Loopback80, 0));

    [Fact]
    public void FirstMatchingRuleWithATarget_Decides_ElseThePolicy()
    {
        var table = Table("-A BIND -s 127.0.0.1", "-A BIND -p udp -j ACCEPT", "-A BIND -s 127.0.0.0/8 -j REJECT", "-A BIND -j ACCEPT", "-P BIND DROP");
        Assert.Equal(SocketVerdict.Reject, table.Evaluate(SocketChain.Bind, Loopback80, 0));
        Assert.Equal(SocketVerdict.Accept, table.Evaluate(SocketChain.Bind, Loopback80 with { Source = 0x0A000001 }, 0));
        Assert.Equal(SocketVerdict.Accept, table.Evaluate(SocketChain.Connect, Loopback80, 0));
        Assert.Equal(SocketVerdict.Drop, Table("-P BIND DROP").Evaluate(SocketChain.Bind, Loopback80, 0));
    }

    [Theory]
    [InlineData(SocketVerdict.Accept, Errno.None)]
    [InlineData(SocketVerdict.Drop, Errno.EPERM)]
    [InlineData(SocketVerdict.Reject, Errno.EPERM)]
    public void Verdict_GivesTheProposedErrno(SocketVerdict verdict, Errno errno) => Assert.Equal(errno, SocketFilterTable.ErrnoOf(verdict));

    [Theory]
    [InlineData(0, SocketVerdict.Accept)]
    [InlineData(2, SocketVerdict.Drop)]
    [InlineData(4, SocketVerdict.Drop)]
    [InlineData(5, SocketVerdict.Accept)]
    public void ControlGroupMatch_ComparesTheCallersNetworkIdWithTheRange(long id, SocketVerdict verdict) =>
        Assert.Equal(verdict, Table("-A BIND -m control_group --network-id 2:4 -j DROP").Evaluate(SocketChain.Bind, Loopback80, id));

    [Theory]
    [InlineData("-A BIND --dport 80 -j DROP", Errno.EINVAL)]
    [InlineData("-A BIND -p tcp -m udp --dport 80 -j DROP", Errno.EINVAL)]
    [InlineData("-A BIND -s 1.2.3 -j DROP", Errno.EINVAL)]
    [InlineData("-A BIND -s 1.2.3.4/33 -j DROP", Errno.EINVAL)]
    [InlineData("-A BIND -j", Errno.EINVAL)]
    [InlineData("-A BIND --network-id 1 -j DROP", Errno.EINVAL)]
    [InlineData("-P BIND REJECT", Errno.EINVAL)]
    [InlineData("-A OUTPUT -j DROP", Errno.ENOENT)]
    [InlineData("-A Bind -j DROP", Errno.ENOENT)]
    [InlineData("-D BIND 0", Errno.EINVAL)]
    [InlineData("-D BIND 1 -j DROP", Errno.EINVAL)]
    [InlineData("-Z", Errno.EINVAL)]
    public void Parse_RefusesWithTheErrnoOfIptables(string line, Errno errno) => Assert.Equal(errno, SocketRuleParser.Parse(line, out _));

    [Fact]
    public void Apply_IsAllOrNothing()
    {
        var table = Table("-A CONNECT -j DROP");
        var commands = new[] { "-F", "-D CONNECT 2" }.Select(l => { SocketRuleParser.Parse(l, out var c); return c!; }).ToList();
        Assert.Equal(Errno.E2BIG, table.Apply(commands));
        Assert.Single(table.Rules(SocketChain.Connect));
    }

    [Fact]
    public void PrintedRule_ParsesBackToTheSameRule() =>
        Prop.ForAll(RuleArbitrary(), rule =>
        {
            var error = SocketRuleParser.Parse("-A BIND" + rule.Print(), out var command);
            return error == Errno.None && command!.Rule == rule;
        }).QuickCheckThrowOnFailure();

    private static SocketFilterTable Table(params string[] lines)
    {
        var table = new SocketFilterTable();
        var commands = lines.Select(l => { Assert.Equal(Errno.None, SocketRuleParser.Parse(l, out var c)); return c!; }).ToList();
        Assert.Equal(Errno.None, table.Apply(commands));
        return table;
    }

    private static Arbitrary<SocketRule> RuleArbitrary()
    {
        var network = Gen.Choose(0, 32).SelectMany(prefix => ArbMap.Default.GeneratorFor<uint>().Select(a => ((uint, int)?)(a & SocketRule.Mask(prefix), prefix)));
        var ports = Gen.Choose(0, 65535).SelectMany(low => Gen.Choose(low, 65535).Select(high => ((int, int)?)(low, high)));
        var ids = Gen.Choose(0, 1000).SelectMany(low => Gen.Choose(low, 1000).Select(high => ((long, long)?)(low, high)));
        var rule =
            from protocol in Gen.Elements(0, SocketRule.Tcp, SocketRule.Udp, 1)
            from source in Gen.OneOf(Gen.Constant<(uint, int)?>(null), network)
            from destination in Gen.OneOf(Gen.Constant<(uint, int)?>(null), network)
            from sport in protocol is SocketRule.Tcp or SocketRule.Udp ? Gen.OneOf(Gen.Constant<(int, int)?>(null), ports) : Gen.Constant<(int, int)?>(null)
            from dport in protocol is SocketRule.Tcp or SocketRule.Udp ? Gen.OneOf(Gen.Constant<(int, int)?>(null), ports) : Gen.Constant<(int, int)?>(null)
            from id in Gen.OneOf(Gen.Constant<(long, long)?>(null), ids)
            from target in Gen.Elements<SocketVerdict?>(null, SocketVerdict.Accept, SocketVerdict.Drop, SocketVerdict.Reject)
            select new SocketRule(protocol, source, destination, sport, dport, id, target);
        return rule.ToArbitrary();
    }
}
