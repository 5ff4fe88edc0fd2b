using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tolk.Tidsbanken.Emulator.Internal.OData;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>Writes Tidsbanken's responses: OData payloads, OData errors and the API gateway's own errors.</summary>
internal static class ApiResponses
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>@odata.context</c> URL of an entity set (with the selected properties) on the host that was called.</summary>
    public static string Context(HttpRequest request, EntitySchema schema, IReadOnlyList<FieldSpec>? select, bool entity = false)
    {
        var selected = select is null ? "" : "(" + string.Join(',', select.Select(f => f.Name)) + ")";
        return $"{request.Scheme}://{request.Host}/{schema.Area}/$metadata#{schema.EntitySet}{selected}{(entity ? "/$entity" : "")}";
    }

    public static Task CollectionAsync(HttpContext http, int status, EntitySchema schema, IEnumerable<JsonObject> entities,
        IReadOnlyList<FieldSpec>? select = null, int? count = null)
    {
        var body = new JsonObject { ["@odata.context"] = Context(http.Request, schema, select) };
        if (count is { } n)
        {
            body["@odata.count"] = n;
        }
        body["value"] = new JsonArray(entities.Select(e => (JsonNode)QueryEngine.Project(e, select)).ToArray());
        return ODataAsync(http, status, body);
    }

    public static Task EntityAsync(HttpContext http, EntitySchema schema, JsonObject entity, IReadOnlyList<FieldSpec>? select)
    {
        var body = new JsonObject { ["@odata.context"] = Context(http.Request, schema, select, entity: true) };
        foreach (var (name, value) in QueryEngine.Project(entity, select))
        {
            body[name] = value?.DeepClone();
        }
        return ODataAsync(http, 200, body);
    }

    /// <summary>An error from the OData service: <c>{"error":{"code","message"}}</c>.</summary>
    public static Task ErrorAsync(HttpContext http, ApiError error) =>
        ODataAsync(http, error.Status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message },
        });

    /// <summary>An error from the API gateway: <c>{"statusCode","message"}</c>.</summary>
    public static async Task GatewayErrorAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["statusCode"] = status, ["message"] = message }.ToJsonString(Json));
    }

    private static async Task ODataAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = TidsbankenAssumptions.ODataContentType;
        http.Response.Headers["OData-Version"] = "4.0";
        await http.Response.WriteAsync(body.ToJsonString(Json));
    }
}
