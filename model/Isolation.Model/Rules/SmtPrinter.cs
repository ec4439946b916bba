using System.Globalization;
using System.Text;

namespace Isolation.Model.Rules;

/// <summary>
/// Prints rule terms as SMT-LIB2 (version 2.6, read by z3 and cvc5): sorts, literals,
/// declarations of inputs and of enumeration datatypes. The printer is structural: each
/// <see cref="ExprOp"/> maps to exactly one SMT-LIB function.
/// </summary>
public static class SmtPrinter
{
    /// <summary>The SMT-LIB sort: <c>Bool</c>, <c>(_ BitVec n)</c>, or the enumeration's name.</summary>
    public static string SortText(Sort sort) => sort.Kind switch
    {
        SortKind.Bool => "Bool",
        SortKind.BitVec => $"(_ BitVec {sort.Width})",
        _ => sort.Name,
    };

    /// <summary>The constructor symbol of an enumeration member: <c>Errno.EPERM</c>.</summary>
    public static string MemberSymbol(Sort sort, int index) => $"{sort.Name}.{sort.Members[index]}";

    /// <summary>A literal of <paramref name="sort"/>.</summary>
    public static string Literal(Sort sort, UInt128 value) => sort.Kind switch
    {
        SortKind.Bool => value != 0 ? "true" : "false",
        SortKind.BitVec when sort.Width % 4 == 0 => "#x" + value.ToString("x", CultureInfo.InvariantCulture).PadLeft(sort.Width / 4, '0'),
        SortKind.BitVec => "#b" + Binary(value, sort.Width),
        _ => MemberSymbol(sort, (int)value),
    };

    /// <summary><c>(declare-datatypes ((Errno 0)) (((Errno.None) (Errno.EPERM) …)))</c>.</summary>
    public static string DeclareEnum(Sort sort) =>
        $"(declare-datatypes (({sort.Name} 0)) (({string.Join(' ', sort.Members.Select((_, i) => $"({MemberSymbol(sort, i)})"))})))";

    /// <summary><c>(declare-const name sort)</c>.</summary>
    public static string DeclareConst(string name, Sort sort) => $"(declare-const {Symbol(name)} {SortText(sort)})";

    /// <summary>A symbol, quoted with <c>|…|</c> when it is not a simple one.</summary>
    public static string Symbol(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || "~!@$%^&*_-+=<>.?/".Contains(c))
            ? name
            : $"|{name}|";

    /// <summary>The term.</summary>
    public static string Term(Expr e)
    {
        var s = new StringBuilder();
        Write(s, e);
        return s.ToString();
    }

    /// <summary>Every free input of <paramref name="e"/> (not bound by a <c>let</c>), by name, with its sort.</summary>
    public static IReadOnlyDictionary<string, Sort> FreeInputs(Expr e)
    {
        var found = new SortedDictionary<string, Sort>(StringComparer.Ordinal);
        CollectFree(e, [], found);
        return found;
    }

    /// <summary>Every enumeration sort <paramref name="e"/> uses, by name.</summary>
    public static IReadOnlyDictionary<string, Sort> Enums(Expr e)
    {
        var found = new SortedDictionary<string, Sort>(StringComparer.Ordinal);
        CollectEnums(e, found);
        return found;
    }

    private static void CollectFree(Expr e, HashSet<string> bound, SortedDictionary<string, Sort> found)
    {
        if (e.Op == ExprOp.Var && !bound.Contains(e.Name!))
        {
            found[e.Name!] = e.Sort;
            return;
        }

        if (e.Op == ExprOp.Let)
        {
            CollectFree(e.Args[0], bound, found);
            CollectFree(e.Args[1], [.. bound, e.Name!], found);
            return;
        }

        foreach (var a in e.Args)
        {
            CollectFree(a, bound, found);
        }
    }

    private static void CollectEnums(Expr e, SortedDictionary<string, Sort> found)
    {
        if (e.Sort.Kind == SortKind.Enum)
        {
            found[e.Sort.Name] = e.Sort;
        }

        foreach (var a in e.Args)
        {
            CollectEnums(a, found);
        }
    }

    private static void Write(StringBuilder s, Expr e)
    {
        switch (e.Op)
        {
            case ExprOp.Var:
                s.Append(Symbol(e.Name!));
                return;
            case ExprOp.Const:
                s.Append(Literal(e.Sort, e.Value));
                return;
            case ExprOp.Let:
                s.Append("(let ((").Append(Symbol(e.Name!)).Append(' ');
                Write(s, e.Args[0]);
                s.Append(")) ");
                Write(s, e.Args[1]);
                s.Append(')');
                return;
        }

        if (e.Op == ExprOp.ZeroExtend)
        {
            s.Append("((_ zero_extend ").Append(e.Sort.Width - e.Args[0].Sort.Width).Append(") ");
            Write(s, e.Args[0]);
            s.Append(')');
            return;
        }

        s.Append('(').Append(Function(e.Op));
        foreach (var a in e.Args)
        {
            s.Append(' ');
            Write(s, a);
        }

        s.Append(')');
    }

    private static string Function(ExprOp op) => op switch
    {
        ExprOp.Not => "not",
        ExprOp.And => "and",
        ExprOp.Or => "or",
        ExprOp.Implies => "=>",
        ExprOp.Ite => "ite",
        ExprOp.Eq => "=",
        ExprOp.Ult => "bvult",
        ExprOp.Ule => "bvule",
        ExprOp.BvAnd => "bvand",
        ExprOp.BvOr => "bvor",
        ExprOp.BvXor => "bvxor",
        ExprOp.BvNot => "bvnot",
        ExprOp.BvLshr => "bvlshr",
        _ => throw new InvalidOperationException($"no SMT-LIB function for {op}"),
    };

    private static string Binary(UInt128 value, int width)
    {
        var chars = new char[width];
        for (var i = 0; i < width; i++)
        {
            chars[width - 1 - i] = ((value >> i) & 1) == 1 ? '1' : '0';
        }

        return new string(chars);
    }
}
