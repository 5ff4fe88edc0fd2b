using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>One API call as the handlers see it, whether it came over HTTP or as an action of a batch.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">The path below the API prefix, e.g. <c>/tasks/123</c>.</param>
/// <param name="Route">Values captured by the route template (<c>gid</c>).</param>
/// <param name="Query">Query parameters (first value of each).</param>
/// <param name="Data">The body's <c>data</c> object, or null when the body had none.</param>
/// <param name="Fields">The opt_fields selection, from the query string or the body's <c>options.fields</c>.</param>
/// <param name="BodyError">Why the body could not be used, when it could not.</param>
/// <param name="UserGid">The user the token belongs to.</param>
/// <param name="BaseUri">Scheme, host and API prefix, for <c>next_page.uri</c> and <c>Location</c>.</param>
internal sealed record ApiRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Route,
    IReadOnlyDictionary<string, string> Query,
    JsonObject? Data,
    FieldSelection? Fields,
    ApiResult? BodyError,
    string UserGid,
    string BaseUri)
{
    /// <summary>The gid captured from the path.</summary>
    public string Gid => Route.GetValueOrDefault("gid", "");

    /// <summary>A query parameter, or null when absent.</summary>
    public string? Param(string name) => Query.GetValueOrDefault(name);

    /// <summary>Whether the query names the parameter.</summary>
    public bool HasParam(string name) => Query.ContainsKey(name);
}
