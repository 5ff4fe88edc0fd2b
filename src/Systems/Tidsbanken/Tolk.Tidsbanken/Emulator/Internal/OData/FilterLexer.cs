using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tolk.Tidsbanken.Emulator.Internal.OData;

/// <summary>Splits a <c>$filter</c> expression into tokens, reading OData v4 literals as typed values.</summary>
internal static partial class FilterLexer
{
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new(c == '(' ? TokenKind.OpenParen : c == ')' ? TokenKind.CloseParen : TokenKind.Comma, c.ToString(), i));
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumberOrDate(text, ref i));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new(TokenKind.Identifier, text[start..i], start));
            }
            else
            {
                throw new FilterSyntaxException($"Syntax error: character '{c}' is not valid at position {i} in '{text}'.");
            }
        }
        tokens.Add(new(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static FilterToken ReadString(string text, ref int i)
    {
        var start = i++;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new FilterSyntaxException($"There is an unterminated string literal at position {start} in '{text}'.");
            }
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    sb.Append('\'');
                    i += 2;
                    continue;
                }
                i++;
                return new(TokenKind.Literal, text[start..i], start, new ODataValue(EdmKind.String, sb.ToString()));
            }
            sb.Append(text[i++]);
        }
    }

    private static FilterToken ReadNumberOrDate(string text, ref int i)
    {
        var start = i;
        var date = DateLiteral().Match(text, i);
        if (date.Success && date.Index == i)
        {
            i += date.Length;
            return new(TokenKind.Literal, date.Value, start, ParseDate(date.Value, text, start));
        }
        if (DatePrefix().IsMatch(text[i..]))
        {
            throw new FilterSyntaxException(
                $"Unrecognized 'Edm.DateTimeOffset' literal at position {i} in '{text}': a date-time literal needs an offset (Z or +hh:mm; send + as %2B).");
        }
        var number = NumberLiteral().Match(text, i);
        i += number.Length;
        if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
        {
            throw new FilterSyntaxException($"Syntax error at position {i} in '{text}'.");
        }
        var value = decimal.Parse(number.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var kind = number.Value.Contains('.', StringComparison.Ordinal) || value is > int.MaxValue or < int.MinValue
            ? EdmKind.Decimal : EdmKind.Int32;
        return new(TokenKind.Literal, number.Value, start, new ODataValue(kind, value));
    }

    private static ODataValue ParseDate(string literal, string text, int position)
    {
        if (literal.Length == 10)
        {
            return DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new ODataValue(EdmKind.Date, d)
                : throw new FilterSyntaxException($"Unrecognized 'Edm.Date' literal '{literal}' at '{position}' in '{text}'.");
        }
        return DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new ODataValue(EdmKind.DateTimeOffset, t)
            : throw new FilterSyntaxException($"Unrecognized 'Edm.DateTimeOffset' literal '{literal}' at '{position}' in '{text}'.");
    }

    // An OData DateTimeOffset literal must carry its offset (Z or ±hh:mm); without one it is no literal at all.
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?(?![\w:.])")]
    private static partial Regex DateLiteral();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberLiteral();
}
