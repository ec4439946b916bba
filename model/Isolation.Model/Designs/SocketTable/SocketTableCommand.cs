namespace Isolation.Model.Designs.SocketTable;

/// <summary>One command written to the table's control file, parsed: what to do to which chain.</summary>
/// <param name="Kind">The command: <c>-A</c>, <c>-I</c>, <c>-D</c>, <c>-F</c> or <c>-P</c>.</param>
/// <param name="Chain">The chain, or null for <c>-F</c> of every chain.</param>
/// <param name="Rule">The rule for <c>-A</c>, <c>-I</c> and <c>-D</c> by specification.</param>
/// <param name="RuleNumber">The 1-based position for <c>-I</c> and <c>-D</c> by number; 0 when not given.</param>
/// <param name="Policy">The policy for <c>-P</c>.</param>
public sealed record SocketTableCommand(char Kind, SocketChain? Chain, SocketRule? Rule, int RuleNumber, SocketVerdict Policy);
