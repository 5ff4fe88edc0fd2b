using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    private const int MaxBatchUrls = 10;

    // GET /batch?urls=/a,/b runs up to ten GET routes (without the /1 prefix) and answers each under its status code.
    private void DefineBatchRoute() => _routes.Add("GET", "/batch", async c =>
    {
        var (text, valid) = c.Args.Text("urls");
        var urls = text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!valid || urls.Length is 0 or > MaxBatchUrls)
        {
            return TrelloResponse.Invalid("urls");
        }
        var results = new JsonArray();
        foreach (var url in urls)
        {
            var response = await RunBatchItemAsync(url, c.Caller);
            results.Add(new JsonObject
            {
                [response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response.Json?.DeepClone() ?? JsonValue.Create(response.Text),
            });
        }
        return TrelloResponse.Ok(results);
    });

    private async Task<TrelloResponse> RunBatchItemAsync(string url, TrelloCaller caller)
    {
        if (!url.StartsWith('/') || !Uri.TryCreate(new Uri("http://batch"), url, out var parsed))
        {
            return TrelloResponse.NotFound();
        }
        var query = new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(parsed.Query));
        var path = Uri.UnescapeDataString(parsed.AbsolutePath);
        return await _routes.RunGetAsync(path, query, caller) ?? TrelloResponse.NotFound();
    }
}
