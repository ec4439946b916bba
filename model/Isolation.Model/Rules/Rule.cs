using System.Collections.Immutable;
using Isolation.Traces;

namespace Isolation.Model.Rules;

/// <summary>
/// One decision of a design, written once: the hook code extracts the inputs from kernel objects,
/// calls <see cref="Decide"/> (or <see cref="Evaluate"/>), and acts on the answer; the solver prints
/// the same <see cref="Body"/> as SMT-LIB2 (<see cref="Apply(Expr[])"/> inlines it into a formula).
/// </summary>
public sealed class Rule
{
    private readonly Func<UInt128[], UInt128> _compiled;

    /// <summary>Makes a rule; every input the body reads must be among <paramref name="inputs"/>.</summary>
    /// <param name="name">A stable name, <c>&lt;design&gt;/&lt;what&gt;</c>.</param>
    /// <param name="body">The decision.</param>
    /// <param name="inputs">The inputs, in the order <see cref="Evaluate"/> takes them.</param>
    public Rule(string name, Expr body, params RuleInput[] inputs)
    {
        Name = name;
        Body = body;
        Inputs = [.. inputs];
        _compiled = RuleCompiler.Compile(body, [.. inputs.Select(i => i.Var)]);
    }

    /// <summary>The rule's name.</summary>
    public string Name { get; }

    /// <summary>The decision as a term over <see cref="Inputs"/>.</summary>
    public Expr Body { get; }

    /// <summary>The inputs, in argument order.</summary>
    public ImmutableArray<RuleInput> Inputs { get; }

    /// <summary>
    /// What the inputs always satisfy (a port fits 16 bits, a prefix is at most 32): formulas about
    /// the rule assume it. True unless set.
    /// </summary>
    public Expr Domain { get; init; } = Expr.True;

    /// <summary>The rule's value on <paramref name="args"/>, one per input.</summary>
    public UInt128 Evaluate(params UInt128[] args) => _compiled(args);

    /// <summary>The errno a decision rule gives on <paramref name="args"/> (<see cref="Errno.None"/> to allow).</summary>
    public Errno Decide(params UInt128[] args) => Decision.ToErrno(Evaluate(args));

    /// <summary>Whether a Boolean rule holds on <paramref name="args"/>.</summary>
    public bool Holds(params UInt128[] args) => Evaluate(args) != 0;

    /// <summary>The input called <paramref name="name"/>.</summary>
    public RuleInput Input(string name) => Inputs.FirstOrDefault(i => i.Name == name)
        ?? throw new ArgumentException($"{Name} has no input {name}", nameof(name));

    /// <summary>The body with its inputs replaced by <paramref name="args"/>, in input order.</summary>
    public Expr Apply(params Expr[] args)
    {
        if (args.Length != Inputs.Length)
        {
            throw new ArgumentException($"{Name} takes {Inputs.Length} inputs, got {args.Length}");
        }

        return Apply(Inputs.Select((input, i) => (input.Name, args[i])).ToDictionary(p => p.Name, p => p.Item2));
    }

    /// <summary>The body with the inputs named in <paramref name="args"/> replaced (the others stay free).</summary>
    public Expr Apply(IReadOnlyDictionary<string, Expr> args) => Body.Substitute(args);

    /// <summary><see cref="Domain"/> with the inputs named in <paramref name="args"/> replaced.</summary>
    public Expr DomainOf(IReadOnlyDictionary<string, Expr> args) => Domain.Substitute(args);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
