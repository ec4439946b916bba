namespace Isolation.Model.Rules;

/// <summary>
/// The evaluator: turns a term into a delegate over an array of input values (one slot per input,
/// then one per <c>let</c>), so a hook evaluates its rule without walking the tree on every call.
/// Values are bits in a <see cref="UInt128"/>, masked to the sort's width.
/// </summary>
public static class RuleCompiler
{
    /// <summary>Compiles <paramref name="body"/> with its inputs at the slots of <paramref name="inputs"/>.</summary>
    public static Func<UInt128[], UInt128> Compile(Expr body, IReadOnlyList<Expr> inputs)
    {
        var slots = new Dictionary<string, int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            slots.Add(inputs[i].Name!, i);
        }

        var frame = inputs.Count + CountLets(body);
        var compiled = Compile(body, slots, inputs.Count);
        return args =>
        {
            if (args.Length != inputs.Count)
            {
                throw new ArgumentException($"expected {inputs.Count} inputs, got {args.Length}");
            }

            var values = args.Length == frame ? args : [.. args, .. new UInt128[frame - args.Length]];
            return compiled(values);
        };
    }

    private static int CountLets(Expr e) => (e.Op == ExprOp.Let ? 1 : 0) + e.Args.Sum(CountLets);

    private static Func<UInt128[], UInt128> Compile(Expr e, Dictionary<string, int> slots, int nextSlot)
    {
        var args = e.Op == ExprOp.Let ? [] : e.Args.Select(a => Compile(a, slots, nextSlot)).ToArray();
        var mask = e.Sort.Mask;
        switch (e.Op)
        {
            case ExprOp.Var:
                var slot = slots.TryGetValue(e.Name!, out var s) ? s : throw new InvalidOperationException($"input {e.Name} is not declared");
                return v => v[slot];
            case ExprOp.Const:
                var value = e.Value;
                return _ => value;
            case ExprOp.Not:
                return v => args[0](v) ^ 1;
            case ExprOp.And:
                return v =>
                {
                    foreach (var a in args)
                    {
                        if (a(v) == 0)
                        {
                            return UInt128.Zero;
                        }
                    }

                    return UInt128.One;
                };
            case ExprOp.Or:
                return v =>
                {
                    foreach (var a in args)
                    {
                        if (a(v) != 0)
                        {
                            return UInt128.One;
                        }
                    }

                    return UInt128.Zero;
                };
            case ExprOp.Implies:
                return v => args[0](v) == 0 || args[1](v) != 0 ? UInt128.One : UInt128.Zero;
            case ExprOp.Ite:
                return v => args[0](v) != 0 ? args[1](v) : args[2](v);
            case ExprOp.Eq:
                return v => args[0](v) == args[1](v) ? UInt128.One : UInt128.Zero;
            case ExprOp.Ult:
                return v => args[0](v) < args[1](v) ? UInt128.One : UInt128.Zero;
            case ExprOp.Ule:
                return v => args[0](v) <= args[1](v) ? UInt128.One : UInt128.Zero;
            case ExprOp.BvAnd:
                return v => args[0](v) & args[1](v);
            case ExprOp.BvOr:
                return v => args[0](v) | args[1](v);
            case ExprOp.BvXor:
                return v => args[0](v) ^ args[1](v);
            case ExprOp.BvNot:
                return v => ~args[0](v) & mask;
            case ExprOp.BvLshr:
                var width = e.Sort.Width;
                return v => args[1](v) is var n && n >= (UInt128)width ? UInt128.Zero : args[0](v) >> (int)n;
            case ExprOp.ZeroExtend:
                return args[0];
            case ExprOp.Let:
                var inner = new Dictionary<string, int>(slots) { [e.Name!] = nextSlot };
                var bound = Compile(e.Args[0], slots, nextSlot + 1);
                var body = Compile(e.Args[1], inner, nextSlot + 1);
                var at = nextSlot;
                return v =>
                {
                    v[at] = bound(v);
                    return body(v);
                };
            default:
                throw new InvalidOperationException($"no evaluator for {e.Op}");
        }
    }
}
