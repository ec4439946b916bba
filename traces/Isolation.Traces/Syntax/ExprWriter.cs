using System.Text;

namespace Isolation.Traces.Syntax;

/// <summary>
/// Writes expressions in canonical form, with parentheses only where the tree would otherwise
/// read back differently (see <see cref="Operators"/>).
/// </summary>
internal static class ExprWriter
{
    /// <summary>The precedence that admits any item, a field included.</summary>
    public const int Item = -1;

    /// <summary>Appends <paramref name="expr"/>, in parentheses if it binds looser than <paramref name="min"/>.</summary>
    public static void Write(StringBuilder sb, Expr expr, int min = Item)
    {
        bool parens = Precedence(expr) < min;
        if (parens)
        {
            sb.Append('(');
        }

        WriteBare(sb, expr);
        if (parens)
        {
            sb.Append(')');
        }
    }

    /// <summary>Appends items separated by <paramref name="separator"/>.</summary>
    public static void WriteList(StringBuilder sb, IEnumerable<Expr> items, string separator = ", ")
    {
        bool first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                sb.Append(separator);
            }

            Write(sb, item);
            first = false;
        }
    }

    private static int Precedence(Expr expr) => expr switch
    {
        FieldExpr => Item,
        BinaryExpr b => Operators.LevelOf(b.Operator),
        OrExpr { Terms.Length: > 1 } => Operators.OrLevel,
        OrExpr or NotExpr => Operators.Prefix,
        AnnotatedExpr => Operators.Postfix,
        _ => Operators.Atom,
    };

    private static void WriteBare(StringBuilder sb, Expr expr)
    {
        switch (expr)
        {
            case IntExpr i:
                sb.Append(i.Text.Length > 0 ? i.Text : i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case SymbolExpr s:
                sb.Append(s.Name);
                break;
            case StringExpr s:
                sb.Append(s.Abstract ? "@" : "");
                CStringWriter.Write(sb, s.Bytes.AsSpan());
                sb.Append(s.Truncated ? "..." : "");
                break;
            case OrExpr o:
                WriteOr(sb, o);
                break;
            case StructExpr s:
                sb.Append('{');
                WriteList(sb, s.Fields);
                sb.Append('}');
                break;
            case FieldExpr f:
                sb.Append(f.Name).Append('=');
                Write(sb, f.Value);
                break;
            case ArrayExpr a:
                sb.Append('[');
                WriteList(sb, a.Items, a.SpaceSeparated ? " " : ", ");
                sb.Append(']');
                break;
            case CallExpr c:
                sb.Append(c.Function).Append('(');
                WriteList(sb, c.Args);
                sb.Append(')');
                break;
            case RefExpr r:
                sb.Append('&').Append(r.Name);
                break;
            case NotExpr n:
                sb.Append('~');
                Write(sb, n.Operand, Operators.Prefix);
                break;
            case EllipsisExpr:
                sb.Append("...");
                break;
            case AnnotatedExpr a:
                Write(sb, a.Inner, Operators.Postfix);
                sb.Append(a.Comment.Length > 0 ? $" /* {a.Comment} */" : " /* */");
                break;
            case BinaryExpr b:
                WriteBinary(sb, b);
                break;
            default:
                throw new ArgumentException($"unknown expression node {expr.GetType().Name}", nameof(expr));
        }
    }

    private static void WriteOr(StringBuilder sb, OrExpr o)
    {
        for (int i = 0; i < o.Terms.Length; i++)
        {
            sb.Append(i > 0 ? "|" : "");
            Write(sb, o.Terms[i], o.Terms.Length > 1 ? Operators.OrLevel + 1 : Operators.Prefix);
        }
    }

    private static void WriteBinary(StringBuilder sb, BinaryExpr b)
    {
        int level = Operators.LevelOf(b.Operator);
        if (level < 0)
        {
            throw new ArgumentException($"unknown operator '{b.Operator}'", nameof(b));
        }

        Write(sb, b.Left, level);
        sb.Append(Operators.IsSpaced(b.Operator) ? $" {b.Operator} " : b.Operator);
        Write(sb, b.Right, level + 1);
    }
}
