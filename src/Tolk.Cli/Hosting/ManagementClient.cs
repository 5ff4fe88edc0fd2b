using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Cli.Output;

namespace Tolk.Cli.Hosting;

/// <summary>
/// The management API of the tolk that holds a store, for the commands that change what its engine knows. The access
/// token comes from the environment (<see cref="TokenVariable"/>), never from the command line.
/// </summary>
internal sealed class ManagementClient(Uri server, string token) : IDisposable
{
    /// <summary>The environment variable that holds the access token.</summary>
    public const string TokenVariable = "TOLK_TOKEN";

    private readonly HttpClient _http = new()
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromMinutes(2),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <summary>The server's URL.</summary>
    public Uri Server => server;

    /// <summary>
    /// Posts <paramref name="body"/> to <paramref name="path"/>: the answer's JSON, or null with the problem written to
    /// standard error (prefixed by <paramref name="what"/>) and the exit code.
    /// </summary>
    public async Task<(JsonObject? Answer, int ExitCode)> PostAsync(string path, JsonObject? body, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(path, body is null ? null : JsonContent.Create(body), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            Out.Error($"{what}: cannot reach the running tolk at {server}: {e.Message}");
            return (null, ExitCodes.Failed);
        }

        using (response)
        {
            var answer = await ReadAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (answer, ExitCodes.Ok);
            }

            var reason = (string?)answer?["error"] ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                Out.Error($"{what}: the running tolk at {server} refused the access token in {TokenVariable}: {reason}");
                return (null, ExitCodes.Failed);
            }

            Out.Error($"{what}: {reason}");
            return (null, ExitCodes.Failed);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static async Task<JsonObject?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
