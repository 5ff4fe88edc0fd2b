namespace Tolk.Tidsbanken.Emulator.Internal.OData;

/// <summary>A node of a parsed, type-checked <c>$filter</c> expression; <see cref="Kind"/> is its static type.</summary>
internal abstract record FilterNode(EdmKind Kind);

internal sealed record LiteralNode(ODataValue Value) : FilterNode(Value.Kind);

internal sealed record PropertyNode(FieldSpec Field) : FilterNode(Field.Kind);

internal sealed record LogicNode(bool IsAnd, FilterNode Left, FilterNode Right) : FilterNode(EdmKind.Boolean);

internal sealed record CompareNode(CompareOperator Operator, FilterNode Left, FilterNode Right) : FilterNode(EdmKind.Boolean);

internal sealed record StartsWithNode(FilterNode Text, FilterNode Prefix) : FilterNode(EdmKind.Boolean);

/// <summary>The comparison operators Tidsbanken documents.</summary>
internal enum CompareOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
