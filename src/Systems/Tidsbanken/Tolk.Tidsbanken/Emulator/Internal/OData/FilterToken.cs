namespace Tolk.Tidsbanken.Emulator.Internal.OData;

internal enum TokenKind
{
    Identifier,
    Literal,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

/// <summary>One token of a <c>$filter</c> expression; <see cref="Value"/> is set for literals.</summary>
internal sealed record FilterToken(TokenKind Kind, string Text, int Position, ODataValue Value = default);

/// <summary>A syntax or type error in a query option, with the message the API answers.</summary>
/// <remarks>Thrown only inside the recursive-descent parser, where unwinding is the simplest honest control flow;
/// <see cref="FilterParser.Parse"/> turns it into a value before it leaves the parser.</remarks>
internal sealed class FilterSyntaxException(string message) : Exception(message);
