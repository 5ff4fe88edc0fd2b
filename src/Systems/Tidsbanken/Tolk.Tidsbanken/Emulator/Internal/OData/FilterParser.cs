namespace Tolk.Tidsbanken.Emulator.Internal.OData;

/// <summary>
/// A recursive-descent parser for the <c>$filter</c> subset Tidsbanken documents: <c>eq ne gt ge lt le</c>, <c>and</c>,
/// <c>or</c>, <c>startswith</c> and parentheses, over the entity's properties (case-insensitive), type-checked as OData does.
/// </summary>
internal sealed class FilterParser
{
    private static readonly Dictionary<string, CompareOperator> Comparisons = new(StringComparer.Ordinal)
    {
        ["eq"] = CompareOperator.Equal,
        ["ne"] = CompareOperator.NotEqual,
        ["gt"] = CompareOperator.GreaterThan,
        ["ge"] = CompareOperator.GreaterThanOrEqual,
        ["lt"] = CompareOperator.LessThan,
        ["le"] = CompareOperator.LessThanOrEqual,
    };

    // Real OData operators and functions outside the documented subset: named in the error so a client sees why.
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "not", "has", "in", "add", "sub", "mul", "div", "divby", "mod", "contains", "endswith", "tolower", "toupper",
        "trim", "length", "indexof", "substring", "concat", "year", "month", "day", "any", "all", "cast", "isof",
    };

    private readonly string _text;
    private readonly EntitySchema _schema;
    private readonly List<FilterToken> _tokens;
    private int _next;
    private int _depth;

    private FilterParser(string text, EntitySchema schema)
    {
        _text = text;
        _schema = schema;
        _tokens = FilterLexer.Tokenize(text);
    }

    /// <summary>Parses <paramref name="text"/> against <paramref name="schema"/>; the node, or the error message.</summary>
    public static (FilterNode? Node, string? Error) Parse(string text, EntitySchema schema)
    {
        try
        {
            var parser = new FilterParser(text, schema);
            var node = parser.ParseOr();
            if (parser.Peek.Kind != TokenKind.End)
            {
                throw parser.SyntaxError(parser.Peek);
            }
            if (node.Kind != EdmKind.Boolean)
            {
                return (null, "The $filter expression must evaluate to a single boolean value.");
            }
            return (node, null);
        }
        catch (FilterSyntaxException e)
        {
            return (null, e.Message);
        }
    }

    private FilterToken Peek => _tokens[_next];

    private FilterToken Take() => _tokens[_next++];

    private bool TakeKeyword(string keyword)
    {
        if (Peek.Kind == TokenKind.Identifier && Peek.Text == keyword)
        {
            _next++;
            return true;
        }
        return false;
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (TakeKeyword("or"))
        {
            left = Logic(false, left, ParseAnd());
        }
        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseComparison();
        while (TakeKeyword("and"))
        {
            left = Logic(true, left, ParseComparison());
        }
        return left;
    }

    private FilterNode ParseComparison()
    {
        var left = ParsePrimary();
        if (Peek.Kind == TokenKind.Identifier && Comparisons.TryGetValue(Peek.Text, out var op))
        {
            _next++;
            var right = ParsePrimary();
            CheckComparable(left, right, op.ToString());
            return new CompareNode(op, left, right);
        }
        if (Peek.Kind == TokenKind.Identifier && Unsupported.Contains(Peek.Text))
        {
            throw Unsupport(Peek.Text);
        }
        return left;
    }

    private FilterNode ParsePrimary()
    {
        // Parentheses and calls recurse; a hostile filter must get a 400, not exhaust the stack.
        if (++_depth > TidsbankenAssumptions.MaxFilterDepth)
        {
            throw new FilterSyntaxException($"The $filter expression is nested more than {TidsbankenAssumptions.MaxFilterDepth} levels deep.");
        }
        try
        {
            return Primary();
        }
        finally
        {
            _depth--;
        }
    }

    private FilterNode Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Literal:
                return new LiteralNode(token.Value);
            case TokenKind.OpenParen:
                var inner = ParseOr();
                Expect(TokenKind.CloseParen);
                return inner;
            case TokenKind.Identifier:
                return Identifier(token);
            default:
                throw SyntaxError(token);
        }
    }

    private FilterNode Identifier(FilterToken token)
    {
        switch (token.Text)
        {
            case "true":
            case "false":
                return new LiteralNode(new ODataValue(EdmKind.Boolean, token.Text == "true"));
            case "null":
                return new LiteralNode(ODataValue.Null);
        }
        if (Peek.Kind == TokenKind.OpenParen)
        {
            return Function(token);
        }
        if (Unsupported.Contains(token.Text) || Comparisons.ContainsKey(token.Text) || token.Text is "and" or "or")
        {
            throw Unsupport(token.Text);
        }
        var field = _schema.Find(token.Text)
            ?? throw new FilterSyntaxException($"Could not find a property named '{token.Text}' on type '{_schema.QualifiedName}'.");
        return new PropertyNode(field);
    }

    private StartsWithNode Function(FilterToken name)
    {
        if (name.Text != "startswith")
        {
            throw Unsupported.Contains(name.Text)
                ? Unsupport(name.Text)
                : new FilterSyntaxException($"An unknown function with name '{name.Text}' was found.");
        }
        Expect(TokenKind.OpenParen);
        var text = ParseOr();
        Expect(TokenKind.Comma);
        var prefix = ParseOr();
        Expect(TokenKind.CloseParen);
        foreach (var arg in new[] { text, prefix })
        {
            if (arg.Kind is not (EdmKind.String or EdmKind.Null))
            {
                throw new FilterSyntaxException(
                    $"No function signature for the function with name 'startswith' matches the specified arguments: found an argument of type '{arg.Kind.EdmName()}'.");
            }
        }
        return new StartsWithNode(text, prefix);
    }

    private static LogicNode Logic(bool isAnd, FilterNode left, FilterNode right)
    {
        if (left.Kind != EdmKind.Boolean || right.Kind != EdmKind.Boolean)
        {
            throw Incompatible(left, right, isAnd ? "And" : "Or");
        }
        return new LogicNode(isAnd, left, right);
    }

    private static void CheckComparable(FilterNode left, FilterNode right, string op)
    {
        var ok = left.Kind == EdmKind.Null || right.Kind == EdmKind.Null || left.Kind == right.Kind
            || (left.Kind.IsNumeric() && right.Kind.IsNumeric());
        if (!ok)
        {
            throw Incompatible(left, right, op);
        }
    }

    private static FilterSyntaxException Incompatible(FilterNode left, FilterNode right, string op) =>
        new($"A binary operator with incompatible types was detected. Found operand types '{left.Kind.EdmName()}' and '{right.Kind.EdmName()}' for operator kind '{op}'.");

    private static FilterSyntaxException Unsupport(string name) =>
        new($"The operator or function '{name}' is not supported. Supported: eq, ne, gt, ge, lt, le, and, or, startswith.");

    private void Expect(TokenKind kind)
    {
        var token = Take();
        if (token.Kind != kind)
        {
            var expected = kind switch { TokenKind.CloseParen => "')'", TokenKind.OpenParen => "'('", _ => "','" };
            throw new FilterSyntaxException($"{expected} expected at position {token.Position} in '{_text}'.");
        }
    }

    private FilterSyntaxException SyntaxError(FilterToken token) =>
        new(token.Kind == TokenKind.End
            ? $"Expression expected at position {token.Position} in '{_text}'."
            : $"Syntax error at position {token.Position} in '{_text}'.");
}
