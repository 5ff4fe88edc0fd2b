using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>What a handler answers: status, JSON body and any extra headers.</summary>
internal sealed record ApiResult(int Status, JsonObject Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>200 with <c>{"data": ...}</c>.</summary>
    public static ApiResult Ok(JsonNode? data) => new(200, new JsonObject { ["data"] = data });

    /// <summary>200 with <c>{"data": {}}</c>, as deletes and association changes answer.</summary>
    public static ApiResult Empty() => Ok(new JsonObject());

    /// <summary>201 with the created record and where it can be read.</summary>
    public static ApiResult Created(JsonObject data, string location) =>
        new(201, new JsonObject { ["data"] = data }, new Dictionary<string, string> { ["Location"] = location });
}
