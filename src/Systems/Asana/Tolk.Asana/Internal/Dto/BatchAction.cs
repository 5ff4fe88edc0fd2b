using System.Text.Json.Nodes;

namespace Tolk.Asana.Internal.Dto;

/// <summary>One request as the batch API takes it: query parameters of a GET go in <paramref name="Data"/>.</summary>
/// <param name="Method">get, post, put or delete.</param>
/// <param name="RelativePath">The path under the base URL, without a query.</param>
/// <param name="Data">The body's data, or a GET's query parameters.</param>
/// <param name="Fields">The opt_fields to ask for.</param>
/// <param name="Limit">The page size, for listings.</param>
/// <param name="Offset">The offset token of the page to read.</param>
internal sealed record BatchAction(string Method, string RelativePath, JsonObject? Data = null, string? Fields = null, int? Limit = null, string? Offset = null)
{
    /// <summary>A GET with these query parameters.</summary>
    public static BatchAction Get(string path, string? fields = null, params (string Key, string Value)[] query)
    {
        var data = new JsonObject();
        foreach (var (key, value) in query)
        {
            data[key] = value;
        }
        return new BatchAction("get", path, data.Count == 0 ? null : data, fields);
    }

    /// <summary>The action as the batch body lists it.</summary>
    public JsonObject ToJson()
    {
        var options = new JsonObject();
        if (Fields is not null)
        {
            options["fields"] = new JsonArray(Fields.Split(',').Select(f => (JsonNode)f).ToArray());
        }
        if (Limit is { } limit)
        {
            options["limit"] = limit;
        }
        if (Offset is not null)
        {
            options["offset"] = Offset;
        }
        var action = new JsonObject { ["relative_path"] = "/" + RelativePath, ["method"] = Method };
        if (Data is not null)
        {
            action["data"] = Data.DeepClone();
        }
        if (options.Count > 0)
        {
            action["options"] = options;
        }
        return action;
    }

    /// <summary>The query string the same request has on its own.</summary>
    public string Query()
    {
        var pairs = new List<string>();
        if (Method == "get" && Data is not null)
        {
            pairs.AddRange(Data.Select(p => Pair(p.Key, p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "")));
        }
        if (Fields is not null)
        {
            pairs.Add(Pair("opt_fields", Fields));
        }
        if (Limit is { } limit)
        {
            pairs.Add(Pair("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (Offset is not null)
        {
            pairs.Add(Pair("offset", Offset));
        }
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    private static string Pair(string key, string value) => Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value);
}
