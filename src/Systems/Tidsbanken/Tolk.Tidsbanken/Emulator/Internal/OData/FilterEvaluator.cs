using System.Text.Json.Nodes;

namespace Tolk.Tidsbanken.Emulator.Internal.OData;

/// <summary>Evaluates a parsed <c>$filter</c> on one entity (as the API shows it), with OData's null semantics.</summary>
internal static class FilterEvaluator
{
    public static bool Matches(FilterNode node, JsonObject entity) => Evaluate(node, entity).Raw is true;

    private static ODataValue Evaluate(FilterNode node, JsonObject entity) => node switch
    {
        LiteralNode literal => literal.Value,
        PropertyNode property => ODataValue.FromJson(entity[property.Field.Name], property.Field.Kind),
        LogicNode logic => Logic(logic, entity),
        CompareNode compare => Compare(compare.Operator, Evaluate(compare.Left, entity), Evaluate(compare.Right, entity)),
        StartsWithNode starts => StartsWith(Evaluate(starts.Text, entity), Evaluate(starts.Prefix, entity)),
        _ => throw new InvalidOperationException($"unknown filter node {node.GetType().Name}"),
    };

    private static ODataValue Logic(LogicNode node, JsonObject entity)
    {
        var left = Evaluate(node.Left, entity).Raw as bool?;
        var right = Evaluate(node.Right, entity).Raw as bool?;
        bool? result = node.IsAnd
            ? (left == false || right == false ? false : left is null || right is null ? null : true)
            : (left == true || right == true ? true : left is null || right is null ? null : false);
        return new ODataValue(EdmKind.Boolean, result);
    }

    private static ODataValue Compare(CompareOperator op, ODataValue left, ODataValue right)
    {
        bool? result = op switch
        {
            CompareOperator.Equal => Equal(left, right),
            CompareOperator.NotEqual => !Equal(left, right),
            _ when left.IsNull || right.IsNull => null,
            CompareOperator.GreaterThan => ODataValue.Compare(left, right) > 0,
            CompareOperator.GreaterThanOrEqual => ODataValue.Compare(left, right) >= 0,
            CompareOperator.LessThan => ODataValue.Compare(left, right) < 0,
            _ => ODataValue.Compare(left, right) <= 0,
        };
        return new ODataValue(EdmKind.Boolean, result);
    }

    private static bool Equal(ODataValue left, ODataValue right) =>
        left.IsNull || right.IsNull ? left.IsNull && right.IsNull : ODataValue.Compare(left, right) == 0;

    private static ODataValue StartsWith(ODataValue text, ODataValue prefix) =>
        text.Raw is string t && prefix.Raw is string p
            ? new ODataValue(EdmKind.Boolean, t.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            : new ODataValue(EdmKind.Boolean, null);
}
