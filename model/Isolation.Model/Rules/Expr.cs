using System.Collections.Immutable;

namespace Isolation.Model.Rules;

/// <summary>
/// A typed term of the rule language: an input, a literal, or an operator applied to terms. The
/// constructors check sorts, so an ill-typed rule fails when it is built, not when a solver reads it.
/// <see cref="RuleCompiler"/> evaluates terms; <see cref="SmtPrinter"/> prints them as SMT-LIB2.
/// </summary>
public sealed class Expr
{
    private Expr(ExprOp op, Sort sort, ImmutableArray<Expr> args, string? name = null, UInt128 value = default)
    {
        Op = op;
        Sort = sort;
        Args = args;
        Name = name;
        Value = value;
    }

    /// <summary>The operator.</summary>
    public ExprOp Op { get; }

    /// <summary>The term's sort.</summary>
    public Sort Sort { get; }

    /// <summary>The operands (for <see cref="ExprOp.Let"/>: the bound value, then the body).</summary>
    public ImmutableArray<Expr> Args { get; }

    /// <summary>The input's name (<see cref="ExprOp.Var"/>) or the bound name (<see cref="ExprOp.Let"/>).</summary>
    public string? Name { get; }

    /// <summary>A literal's bits.</summary>
    public UInt128 Value { get; }

    /// <summary>A Boolean input.</summary>
    public static Expr BoolVar(string name) => new(ExprOp.Var, Sort.Bool, [], name);

    /// <summary>An input of <paramref name="sort"/>.</summary>
    public static Expr Var(string name, Sort sort) => new(ExprOp.Var, sort, [], name);

    /// <summary>A bit-vector input of <paramref name="width"/> bits.</summary>
    public static Expr BvVar(string name, int width) => Var(name, Sort.BitVec(width));

    /// <summary>true or false.</summary>
    public static Expr Bool(bool value) => new(ExprOp.Const, Sort.Bool, [], value: value ? UInt128.One : UInt128.Zero);

    /// <summary>The literal true.</summary>
    public static Expr True { get; } = Bool(true);

    /// <summary>The literal false.</summary>
    public static Expr False { get; } = Bool(false);

    /// <summary>A bit-vector literal; <paramref name="value"/> must fit the width.</summary>
    public static Expr Bv(UInt128 value, int width)
    {
        var sort = Sort.BitVec(width);
        if (value > sort.Mask)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {width} bits");
        }

        return new Expr(ExprOp.Const, sort, [], value: value);
    }

    /// <summary>A literal of the same sort as <paramref name="like"/>.</summary>
    public static Expr Const(UInt128 value, Sort like) => like.Kind switch
    {
        SortKind.Bool => Bool(value != 0),
        SortKind.BitVec => Bv(value, like.Width),
        _ => Member(like, like.Members[(int)value]),
    };

    /// <summary>The enumeration member <paramref name="member"/> of <paramref name="sort"/>.</summary>
    public static Expr Member(Sort sort, string member) => new(ExprOp.Const, sort, [], value: (UInt128)sort.IndexOf(member));

    /// <summary><c>not</c>.</summary>
    public static Expr operator !(Expr a) => new(ExprOp.Not, Sort.Bool, [RequireBool(a)]);

    /// <summary><c>and</c>.</summary>
    public static Expr operator &(Expr a, Expr b) => And(a, b);

    /// <summary><c>or</c>.</summary>
    public static Expr operator |(Expr a, Expr b) => Or(a, b);

    /// <summary><c>and</c> of every term (true for none).</summary>
    public static Expr And(params Expr[] terms) => terms.Length switch
    {
        0 => True,
        1 => RequireBool(terms[0]),
        _ => new Expr(ExprOp.And, Sort.Bool, [.. terms.Select(RequireBool)]),
    };

    /// <summary><c>or</c> of every term (false for none).</summary>
    public static Expr Or(params Expr[] terms) => terms.Length switch
    {
        0 => False,
        1 => RequireBool(terms[0]),
        _ => new Expr(ExprOp.Or, Sort.Bool, [.. terms.Select(RequireBool)]),
    };

    /// <summary><c>=&gt;</c>.</summary>
    public static Expr Implies(Expr a, Expr b) => new(ExprOp.Implies, Sort.Bool, [RequireBool(a), RequireBool(b)]);

    /// <summary>if <paramref name="condition"/> then <paramref name="then"/> else <paramref name="otherwise"/>.</summary>
    public static Expr Ite(Expr condition, Expr then, Expr otherwise) =>
        new(ExprOp.Ite, Same(then, otherwise), [RequireBool(condition), then, otherwise]);

    /// <summary><c>=</c>.</summary>
    public static Expr Eq(Expr a, Expr b)
    {
        Same(a, b);
        return new Expr(ExprOp.Eq, Sort.Bool, [a, b]);
    }

    /// <summary><c>distinct</c> of two terms, as <c>(not (= a b))</c>.</summary>
    public static Expr Ne(Expr a, Expr b) => !Eq(a, b);

    /// <summary>Equality with a member of an enumeration.</summary>
    public static Expr Is(Expr a, string member) => Eq(a, Member(a.Sort, member));

    /// <summary>Unsigned <c>a &lt; b</c>.</summary>
    public static Expr Ult(Expr a, Expr b) => Bits(ExprOp.Ult, Sort.Bool, a, b);

    /// <summary>Unsigned <c>a ≤ b</c>.</summary>
    public static Expr Ule(Expr a, Expr b) => Bits(ExprOp.Ule, Sort.Bool, a, b);

    /// <summary>Bitwise and.</summary>
    public static Expr BvAnd(Expr a, Expr b) => Bits(ExprOp.BvAnd, a.Sort, a, b);

    /// <summary>Bitwise or.</summary>
    public static Expr BvOr(Expr a, Expr b) => Bits(ExprOp.BvOr, a.Sort, a, b);

    /// <summary>Bitwise exclusive or.</summary>
    public static Expr BvXor(Expr a, Expr b) => Bits(ExprOp.BvXor, a.Sort, a, b);

    /// <summary>Bitwise not.</summary>
    public static Expr BvNot(Expr a) => Bits(ExprOp.BvNot, a.Sort, a);

    /// <summary>Logical shift right of <paramref name="a"/> by <paramref name="b"/> bits.</summary>
    public static Expr BvLshr(Expr a, Expr b) => Bits(ExprOp.BvLshr, a.Sort, a, b);

    /// <summary>The bit-vector <paramref name="a"/> widened to <paramref name="width"/> bits with leading zeros.</summary>
    public static Expr ZeroExtend(Expr a, int width) =>
        a.Sort.Kind == SortKind.BitVec && width >= a.Sort.Width
            ? new Expr(ExprOp.ZeroExtend, Sort.BitVec(width), [a])
            : throw new ArgumentException($"cannot widen {a.Sort} to {width} bits");

    /// <summary>
    /// Whether <paramref name="address"/> is in <paramref name="network"/>/<paramref name="prefix"/>
    /// (all three of one width; <paramref name="prefix"/> counts leading bits, at most the width):
    /// <c>((address ^ network) &amp; ~(ones &gt;&gt; prefix)) == 0</c>.
    /// </summary>
    public static Expr InPrefix(Expr address, Expr network, Expr prefix)
    {
        var ones = Bv(address.Sort.Mask, address.Sort.Width);
        var mask = BvNot(BvLshr(ones, prefix));
        return Eq(BvAnd(BvXor(address, network), mask), Bv(0, address.Sort.Width));
    }

    /// <summary>Binds <paramref name="name"/> to <paramref name="value"/> in the body <paramref name="body"/> makes from a reference to it.</summary>
    public static Expr Let(string name, Expr value, Func<Expr, Expr> body)
    {
        var inner = body(Var(name, value.Sort));
        return new Expr(ExprOp.Let, inner.Sort, [value, inner], name);
    }

    /// <summary>The term with every free input named in <paramref name="map"/> replaced by its term (sorts must agree).</summary>
    public Expr Substitute(IReadOnlyDictionary<string, Expr> map)
    {
        switch (Op)
        {
            case ExprOp.Var:
                if (map.TryGetValue(Name!, out var replacement))
                {
                    Same(this, replacement);
                    return replacement;
                }

                return this;
            case ExprOp.Const:
                return this;
            case ExprOp.Let:
                var inner = map.ContainsKey(Name!) ? map.Where(p => p.Key != Name).ToDictionary() : map;
                return new Expr(ExprOp.Let, Sort, [Args[0].Substitute(map), Args[1].Substitute(inner)], Name);
            default:
                return new Expr(Op, Sort, [.. Args.Select(a => a.Substitute(map))], Name, Value);
        }
    }

    /// <summary>Every literal in the term, outermost first.</summary>
    public IEnumerable<Expr> Literals() =>
        Op == ExprOp.Const ? [this] : Args.SelectMany(a => a.Literals());

    /// <inheritdoc/>
    public override string ToString() => SmtPrinter.Term(this);

    private static Expr RequireBool(Expr a) =>
        a.Sort.Kind == SortKind.Bool ? a : throw new ArgumentException($"expected Bool, got {a.Sort}: {a}");

    private static Sort Same(Expr a, Expr b) =>
        a.Sort.SameAs(b.Sort) ? a.Sort : throw new ArgumentException($"sorts differ: {a.Sort} ({a}) and {b.Sort} ({b})");

    private static Expr Bits(ExprOp op, Sort result, params Expr[] args)
    {
        foreach (var a in args)
        {
            if (a.Sort.Kind != SortKind.BitVec || !a.Sort.SameAs(args[0].Sort))
            {
                throw new ArgumentException($"{op} needs bit-vectors of one width, got {string.Join(", ", args.Select(x => x.Sort))}");
            }
        }

        return new Expr(op, result, [.. args]);
    }
}
