using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Golden;

/// <summary>The JSON form of a set of canonical values by property (a member's last synchronized values).</summary>
public static class ValuesJson
{
    /// <summary>Writes values as a JSON object, properties in ordinal order.</summary>
    public static string Write(IReadOnlyDictionary<string, CanonicalValue?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var json = new JsonObject();
        foreach (var (property, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json[property] = CanonicalJson.ToJson(value);
        }

        return json.ToJsonString();
    }

    /// <summary>Reads values written by <see cref="Write"/>; properties the type no longer has, or unreadable ones, are left out.</summary>
    public static Dictionary<string, CanonicalValue?> Read(string? text, GlobalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var values = new Dictionary<string, CanonicalValue?>(StringComparer.Ordinal);
        if (Parse(text) is not { } json)
        {
            return values;
        }

        foreach (var (name, node) in json)
        {
            if (type.Property(name) is { } property && CanonicalJson.FromJson(node, property.Kind, name) is { IsOk: true } read)
            {
                values[name] = read.Value;
            }
        }

        return values;
    }

    internal static JsonObject? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
