namespace Tolk.Sync.Configuration.Internal;

/// <summary>Reads a <c>merge</c> list (model.yaml's types, flows.yaml's overrides).</summary>
internal static class MergeKeyReader
{
    /// <summary>The keys, or null when there is no list; <paramref name="validate"/> returns an error for a bad property.</summary>
    public static List<MergeKey>? Read(YamlMap map, string subject, Func<string, string?> validate)
    {
        var items = map.Sequence("merge", subject);
        if (items is null)
        {
            return null;
        }

        var keys = new List<MergeKey>();
        foreach (var item in items)
        {
            if (map.AsMap(item, subject) is not { } entry)
            {
                continue;
            }

            entry.CheckKeys(subject, "property", "compare");
            var property = entry.Scalar("property", subject, required: true);
            var compareName = entry.Scalar("compare", subject) ?? "exact";
            if (!MergeKey.CompareNames.TryGetValue(compareName, out var compare))
            {
                entry.Errors.Add(entry.At("compare"), $"{subject}.{property}", $"unknown comparison '{compareName}' (expected one of: {string.Join(", ", MergeKey.CompareNames.Keys)})");
            }

            if (property is not null && validate(property) is { } error)
            {
                entry.Errors.Add(entry.At("property"), $"{subject}.{property}", error);
            }
            else if (property is not null)
            {
                keys.Add(new MergeKey(property, compare));
            }
        }

        return keys;
    }
}
