using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Conversion;

namespace Tolk.Server.Feed;

/// <summary>What to call a record on screen: its cluster's name, title or e-mail, else what its own mapping reads.</summary>
internal static class RecordTitles
{
    private static readonly string[] Preferred = ["name", "full_name", "title", "email", "number", "sku"];

    /// <summary>The title in a golden record (<c>{"prop": {"v": ...}}</c>), or null.</summary>
    public static string? FromGolden(string? golden)
    {
        if (Parse(golden) is not { } root)
        {
            return null;
        }

        foreach (var property in Preferred)
        {
            if (root[property]?["v"] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The title of a record's content as its dataset's mapping reads it, or null.</summary>
    public static string? FromContent(SyncTopology topology, Dataset dataset, string content)
    {
        if (Parse(content) is not { } record)
        {
            return null;
        }

        foreach (var participant in topology.Of(dataset))
        {
            var values = participant.Mapper.Read(record).Values;
            foreach (var property in Preferred)
            {
                if (values.GetValueOrDefault(property) is TextValue { Value: var text })
                {
                    return text;
                }
            }
        }

        return null;
    }

    /// <summary>The title among a record's shared-model values, or null.</summary>
    public static string? FromValues(IReadOnlyDictionary<string, CanonicalValue?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Preferred.Select(p => values.GetValueOrDefault(p)).OfType<TextValue>().Select(t => t.Value).FirstOrDefault();
    }

    /// <summary>Parses JSON text as an object; null when it is not one.</summary>
    public static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
