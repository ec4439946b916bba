namespace Isolation.Model.Rules;

/// <summary>A rule a design's hook evaluates, with the hook (or model hook point) that calls it.</summary>
/// <param name="Hook">The hook's Linux name, as in <see cref="Lsm.HookTable.HookNames"/>.</param>
/// <param name="Rule">The rule.</param>
public sealed record HookRule(string Hook, Rule Rule);
