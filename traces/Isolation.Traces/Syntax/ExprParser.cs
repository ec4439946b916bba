using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Isolation.Traces.Syntax;

/// <summary>
/// Reads argument expressions by recursive descent: one token of lookahead, no backtracking, so
/// time is linear in the line; nesting is bounded by <see cref="MaxDepth"/>.
/// </summary>
/// <remarks>The grammar is in traces/FORMAT.md ("Extensions in this project"); forms follow strace 6.x's printers.</remarks>
internal sealed class ExprParser
{
    /// <summary>How deeply brackets, calls, fields and <c>~</c> may nest before the line is refused.</summary>
    public const int MaxDepth = 100;

    private readonly LineCursor _c;
    private readonly CStringReader _strings = new();
    private readonly Stack<List<Expr>> _lists = new();
    private int _depth;

    /// <summary>A parser reading from <paramref name="cursor"/>, wherever it is moved.</summary>
    public ExprParser(LineCursor cursor) => _c = cursor;

    /// <summary>Reads comma-separated items up to <paramref name="close"/>; the opening bracket at <paramref name="open"/> is already consumed.</summary>
    public ImmutableArray<Expr> ReadList(char close, int open)
    {
        _c.SkipSpaces();
        if (_c.Skip(close))
        {
            return [];
        }

        var items = Rent();
        while (true)
        {
            items.Add(ReadItem());
            _c.SkipSpaces();
            if (_c.Skip(','))
            {
                _c.SkipSpaces();
                continue;
            }

            if (_c.Skip(close))
            {
                return Return(items);
            }

            throw MissingClose(close, open);
        }
    }

    /// <summary>Reads one item: a field <c>name=value</c> or an expression.</summary>
    public Expr ReadItem()
    {
        int start = _c.Position;
        int nameEnd = _c.IdentifierEnd(start);
        int eq = _c.SpacesEnd(nameEnd);
        if (nameEnd == start || _c.CharAt(eq) != '=' || _c.CharAt(eq + 1) is '=' or '>')
        {
            return ReadBinary(0);
        }

        Enter(start);
        string name = _c.Names.Get(_c.Text.AsSpan(start, nameEnd - start));
        _c.Position = eq + 1;
        _c.SkipSpaces();
        var value = ReadItem();
        _depth--;
        return new FieldExpr(name, value, _c.SpanFrom(start));
    }

    /// <summary>Reads operators of level <paramref name="min"/> and tighter by precedence climbing (one operator test per operand).</summary>
    private Expr ReadBinary(int min)
    {
        int start = _c.Position;
        var left = ReadUnary();
        List<Expr>? terms = null;
        int termsEnd = start;
        while (true)
        {
            int at = _c.SpacesEnd(_c.Position);
            var (op, level) = Operators.Match(_c, at);
            if (op is null || level < min)
            {
                break;
            }

            _c.Position = at + op.Length;
            _c.SkipSpaces();
            var right = ReadBinary(level + 1);
            if (level == Operators.OrLevel)
            {
                // A chain a|b|c is one OrExpr; a looser operator after it takes the chain as its left side.
                terms ??= Rent(left);
                terms.Add(right);
                termsEnd = _c.Position;
                continue;
            }

            if (terms is not null)
            {
                left = new OrExpr(Return(terms), _c.Line.Span(start, termsEnd - start));
                terms = null;
            }

            left = new BinaryExpr(left, op, right, _c.SpanFrom(start));
        }

        return terms is null ? left : new OrExpr(Return(terms), _c.SpanFrom(start));
    }

    private Expr ReadUnary()
    {
        int start = _c.Position;
        if (!_c.Skip('~'))
        {
            return ReadPostfix();
        }

        Enter(start);
        _c.SkipSpaces();
        var operand = ReadUnary();
        _depth--;
        return new NotExpr(operand, _c.SpanFrom(start));
    }

    private Expr ReadPostfix()
    {
        int start = _c.Position;
        var expr = ReadPrimary();
        int open = _c.SpacesEnd(_c.Position);
        while (_c.IsAt(open, "/*"))
        {
            int close = _c.Text.IndexOf("*/", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw _c.Error(open, "unterminated comment (missing '*/')");
            }

            string comment = _c.Text[(open + 2)..close].Trim(' ', '\t');
            _c.Position = close + 2;
            expr = new AnnotatedExpr(expr, comment, _c.SpanFrom(start));
            open = _c.SpacesEnd(_c.Position);
        }

        return expr;
    }

    private Expr ReadPrimary()
    {
        int start = _c.Position;
        char ch = _c.Current;
        switch (ch)
        {
            case '"':
                return ReadString(start, isAbstract: false);
            case '@':
                _c.Position++;
                if (_c.Current != '"')
                {
                    throw _c.Unexpected("'\"' after '@' (an abstract socket name)");
                }

                return ReadString(start, isAbstract: true);
            case '{':
                return ReadStruct(start);
            case '[':
                return ReadArray(start);
            case '(':
                return Parenthesized(start);
            case '&':
                _c.Position++;
                return new RefExpr(_c.ReadIdentifier("a name after '&'"), _c.SpanFrom(start));
            case '.':
                if (!_c.IsAt(start, "..."))
                {
                    throw _c.Unexpected("a value");
                }

                _c.Position += 3;
                return new EllipsisExpr(_c.SpanFrom(start));
            case '-' or (>= '0' and <= '9'):
                return NumberReader.Read(_c);
        }

        if (!LineCursor.IsIdentifierStart(ch))
        {
            throw _c.Unexpected("a value");
        }

        string name = _c.ReadIdentifier("a name");
        if (_c.Current != '(')
        {
            return new SymbolExpr(name, _c.SpanFrom(start));
        }

        int open = _c.Position++;
        Enter(open);
        var args = ReadList(')', open);
        _depth--;
        return new CallExpr(name, args, _c.SpanFrom(start));
    }

    private StringExpr ReadString(int start, bool isAbstract)
    {
        var bytes = _strings.Read(_c);
        bool truncated = _c.IsAt(_c.Position, "...");
        if (truncated)
        {
            _c.Position += 3;
        }

        return new StringExpr(bytes, isAbstract, truncated, _c.SpanFrom(start));
    }

    private StructExpr ReadStruct(int start)
    {
        Enter(start);
        _c.Position++;
        var fields = ReadList('}', start);
        _depth--;
        return new StructExpr(fields, _c.SpanFrom(start));
    }

    private Expr Parenthesized(int start)
    {
        Enter(start);
        _c.Position++;
        _c.SkipSpaces();
        var inner = ReadItem();
        _c.SkipSpaces();
        if (!_c.Skip(')'))
        {
            throw MissingClose(')', start);
        }

        _depth--;
        return inner;
    }

    /// <summary>Reads <c>[a, b]</c> or strace's space-separated sets <c>[USR1 USR2]</c>; the first separator decides.</summary>
    private ArrayExpr ReadArray(int start)
    {
        Enter(start);
        _c.Position = _c.SpacesEnd(start + 1);
        var items = Rent();
        bool? spaced = null;
        if (!_c.Skip(']'))
        {
            while (true)
            {
                items.Add(ReadItem());
                int after = _c.SpacesEnd(_c.Position);
                char sep = _c.CharAt(after);
                if (sep == ']')
                {
                    _c.Position = after + 1;
                    break;
                }

                if (sep == ',' && spaced != true)
                {
                    spaced = false;
                    _c.Position = _c.SpacesEnd(after + 1);
                    continue;
                }

                if (after > _c.Position && !LineCursor.IsEnd(sep) && sep is not (',' or ')' or '}') && spaced != false)
                {
                    spaced = true;
                    _c.Position = after;
                    continue;
                }

                _c.Position = after;
                throw LineCursor.IsEnd(sep) ? MissingClose(']', start) : _c.Error(after, $"expected {(spaced == true ? "' '" : "','")} or ']', found '{sep}'");
            }
        }

        _depth--;
        return new ArrayExpr(Return(items), spaced == true, _c.SpanFrom(start));
    }

    /// <summary>A scratch list for the items of one bracket (lists are reused: a trace has millions of items).</summary>
    private List<Expr> Rent() => _lists.TryPop(out var list) ? list : [];

    /// <summary>A scratch list holding <paramref name="first"/>.</summary>
    private List<Expr> Rent(Expr first)
    {
        var list = Rent();
        list.Add(first);
        return list;
    }

    /// <summary>The items of <paramref name="list"/> as an array, giving the list back for reuse.</summary>
    private ImmutableArray<Expr> Return(List<Expr> list)
    {
        var items = ImmutableCollectionsMarshal.AsImmutableArray(list.ToArray());
        list.Clear();
        _lists.Push(list);
        return items;
    }

    private TraceException MissingClose(char close, int open)
    {
        if (_c.AtEnd)
        {
            return _c.Error(_c.Position, $"missing '{close}' to close '{_c.Text[open]}' at column {_c.Line.Span(open).Column}");
        }

        // strace -y prints a descriptor's path after it: "3</etc/passwd>".
        string hint = _c.Current == '<' ? " (strace -y decorations are not supported)" : "";
        return _c.Error(_c.Position, $"expected ',' or '{close}', found {_c.Describe(_c.Position)}{hint}");
    }

    private void Enter(int at)
    {
        if (++_depth > MaxDepth)
        {
            throw _c.Error(at, $"nesting deeper than {MaxDepth} levels");
        }
    }
}
