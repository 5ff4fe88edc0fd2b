using System.Text.Json.Nodes;

namespace Tolk.Tidsbanken.Emulator.Internal.OData;

/// <summary>Applies parsed query options to entities: filter, count, order (the key last, so pages are stable), skip, top.</summary>
internal static class QueryEngine
{
    public static (List<JsonObject> Page, int Count) Apply(IEnumerable<JsonObject> entities, QueryOptions options, EntitySchema schema)
    {
        var matching = options.Filter is { } filter ? entities.Where(e => FilterEvaluator.Matches(filter, e)).ToList() : entities.ToList();
        var keys = options.OrderBy.Where(k => k.Field != schema.Key).Append(
            options.OrderBy.FirstOrDefault(k => k.Field == schema.Key) ?? new OrderKey(schema.Key, false)).ToList();
        var sorted = matching
            .Select(e => (Entity: e, Values: keys.Select(k => ODataValue.FromJson(e[k.Field.Name], k.Field.Kind)).ToArray()))
            .ToList();
        sorted.Sort((a, b) =>
        {
            for (var i = 0; i < keys.Count; i++)
            {
                var c = ODataValue.Compare(a.Values[i], b.Values[i]);
                if (c != 0)
                {
                    return keys[i].Descending ? -c : c;
                }
            }
            return 0;
        });
        var page = sorted.Select(s => s.Entity).Skip(options.Skip ?? 0).Take(options.Top ?? int.MaxValue).ToList();
        return (page, matching.Count);
    }

    /// <summary>The entity with only the selected properties, or itself when nothing was selected.</summary>
    public static JsonObject Project(JsonObject entity, IReadOnlyList<FieldSpec>? select)
    {
        if (select is null)
        {
            return entity;
        }
        var projected = new JsonObject();
        foreach (var field in select)
        {
            projected[field.Name] = entity[field.Name]?.DeepClone();
        }
        return projected;
    }
}
