using System.Text;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// The "socket" table of one network namespace: five built-in chains, each a policy (ACCEPT at
/// start, as iptables' built-in chains) and a list of rules. A call's fake packet goes through its
/// chain; the first rule that matches and has a target decides; if none does, the policy does.
/// </summary>
/// <remarks>
/// Seed 002_d6ff0dffc80eb989.txt, Menage's proposal: "feed it through the appropriate chain. If it
/// gets though OK we allow the operation to proceed, else we fail with EPERM." The errnos of rule
/// numbers out of range (E2BIG) and of a rule to delete that is not there (ENOENT) are libiptc's
/// (iptc_insert_entry, iptc_delete_num_entry, iptc_delete_entry).
/// </remarks>
public sealed class SocketFilterTable
{
    private readonly SocketVerdict[] _policies = new SocketVerdict[Chains.Length];
    private readonly List<SocketRule>[] _rules = [.. Chains.Select(_ => new List<SocketRule>())];

    /// <summary>The chains in the order the table lists them.</summary>
    public static SocketChain[] Chains { get; } = Enum.GetValues<SocketChain>();

    /// <summary>A chain's policy.</summary>
    public SocketVerdict Policy(SocketChain chain) => _policies[(int)chain];

    /// <summary>A chain's rules, in order.</summary>
    public IReadOnlyList<SocketRule> Rules(SocketChain chain) => _rules[(int)chain];

    /// <summary>
    /// The verdict for <paramref name="packet"/> in <paramref name="chain"/>, for a caller whose
    /// cgroup has <paramref name="networkId"/>: the first matching rule's target, else the policy.
    /// </summary>
    public SocketVerdict Evaluate(SocketChain chain, FakePacket packet, long networkId)
    {
        foreach (var rule in _rules[(int)chain])
        {
            if (rule.Target is { } target && rule.Matches(packet, networkId))
            {
                return target;
            }
        }

        return _policies[(int)chain];
    }

    /// <summary>The errno a verdict gives the call: none for ACCEPT, EPERM for DROP and REJECT.</summary>
    public static Errno ErrnoOf(SocketVerdict verdict) => TableRules.VerdictErrno.Decide(Bits.Of(TableRules.Verdict.Var.Sort, verdict.ToString()));

    /// <summary>
    /// Applies the commands of one write, all or nothing (iptables-restore replaces a table in one
    /// step): the first failing command's errno, and the table unchanged.
    /// </summary>
    public Errno Apply(IReadOnlyList<SocketTableCommand> commands)
    {
        var policies = (SocketVerdict[])_policies.Clone();
        var rules = _rules.Select(r => new List<SocketRule>(r)).ToArray();
        foreach (var command in commands)
        {
            var error = Apply(command, policies, rules);
            if (error != Errno.None)
            {
                return error;
            }
        }

        policies.CopyTo(_policies, 0);
        for (var i = 0; i < rules.Length; i++)
        {
            _rules[i].Clear();
            _rules[i].AddRange(rules[i]);
        }

        return Errno.None;
    }

    /// <summary>The table as <c>iptables -S</c> prints one: every policy, then every rule, chain by chain.</summary>
    public string Show()
    {
        var s = new StringBuilder();
        foreach (var chain in Chains)
        {
            s.Append("-P ").Append(SocketRuleParser.ChainName(chain)).Append(' ').Append(SocketRule.TargetName(Policy(chain))).Append('\n');
        }

        foreach (var chain in Chains)
        {
            foreach (var rule in Rules(chain))
            {
                s.Append("-A ").Append(SocketRuleParser.ChainName(chain)).Append(rule.Print()).Append('\n');
            }
        }

        return s.ToString();
    }

    private static Errno Apply(SocketTableCommand command, SocketVerdict[] policies, List<SocketRule>[] rules)
    {
        if (command.Chain is not { } chain)
        {
            foreach (var list in rules)
            {
                list.Clear();
            }

            return Errno.None;
        }

        var chainRules = rules[(int)chain];
        switch (command.Kind)
        {
            case 'A':
                chainRules.Add(command.Rule!);
                return Errno.None;
            case 'I':
                var at = Math.Max(command.RuleNumber, 1) - 1;
                if (at > chainRules.Count)
                {
                    return Errno.E2BIG;
                }

                chainRules.Insert(at, command.Rule!);
                return Errno.None;
            case 'D':
                var index = command.Rule is { } spec ? chainRules.IndexOf(spec) : command.RuleNumber - 1;
                if (index < 0 || index >= chainRules.Count)
                {
                    return command.Rule is null ? Errno.E2BIG : Errno.ENOENT;
                }

                chainRules.RemoveAt(index);
                return Errno.None;
            case 'F':
                chainRules.Clear();
                return Errno.None;
            default:
                policies[(int)chain] = command.Policy;
                return Errno.None;
        }
    }
}
