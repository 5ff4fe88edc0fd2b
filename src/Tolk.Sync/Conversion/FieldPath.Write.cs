using System.Text.Json.Nodes;

namespace Tolk.Sync.Conversion;

/// <summary>Writing a field into the set of fields to send to a system.</summary>
public sealed partial record FieldPath
{
    /// <summary>
    /// Sets the field in <paramref name="target"/>, creating enclosing objects. A list is started from the current
    /// record's list, so that writing <c>projects[0]</c> keeps the other elements; writing null to a list element
    /// removes it (a list of ids has no null members).
    /// </summary>
    public void Set(JsonObject target, JsonNode? value, JsonObject? current)
    {
        JsonNode container = target;
        JsonNode? currentContainer = current;
        for (var i = 0; i < Segments.Count; i++)
        {
            var last = i == Segments.Count - 1;
            var segment = Segments[i];
            var currentChild = Child(currentContainer, segment);
            if (last)
            {
                Assign(container, segment, value);
                return;
            }

            var next = Segments[i + 1];
            var child = Child(container, segment);
            if (child is null || (next is int && child is not JsonArray) || (next is string && child is not JsonObject))
            {
                child = next is int
                    ? currentChild is JsonArray list ? list.DeepClone() : new JsonArray()
                    : new JsonObject();
                Assign(container, segment, child);
            }

            container = child;
            currentContainer = currentChild;
        }
    }

    private static JsonNode? Child(JsonNode? container, object segment) => (segment, container) switch
    {
        (string name, JsonObject obj) => obj.TryGetPropertyValue(name, out var node) ? node : null,
        (int index, JsonArray array) => index < array.Count ? array[index] : null,
        _ => null,
    };

    private static void Assign(JsonNode container, object segment, JsonNode? value)
    {
        switch (segment, container)
        {
            case (string name, JsonObject obj):
                obj[name] = value;
                break;
            case (int index, JsonArray array) when value is null:
                if (index < array.Count)
                {
                    array.RemoveAt(index);
                }

                break;
            case (int index, JsonArray array):
                while (array.Count <= index)
                {
                    array.Add(null);
                }

                array[index] = value;
                break;
        }
    }
}
