using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tolk.Bench.Emulators;

/// <summary>
/// Trello's load over its REST API (no connector yet): the token's organizations and their members, its boards and each
/// board's lists, cards and actions (paged with before=), and card description updates.
/// </summary>
internal sealed class TrelloLoad(HttpClient http, string key, string token) : SystemLoad("trello", "cards", "id", "desc")
{
    private const int ActionPage = 1000;

    public override async Task<int> ReadAllAsync(CancellationToken cancellationToken)
    {
        var count = 1; // the member itself
        await GetArrayAsync("members/me", cancellationToken, single: true);
        var organizations = await GetArrayAsync("members/me/organizations?fields=all", cancellationToken);
        var boards = await GetArrayAsync("members/me/boards?fields=all&filter=all", cancellationToken);
        count += organizations.Count + boards.Count;
        count += await ParallelSumAsync(organizations, async (o, ct) => (await GetArrayAsync($"organizations/{Id(o)}/members?fields=all", ct)).Count, cancellationToken);
        count += await ParallelSumAsync(boards, async (b, ct) =>
        {
            var id = Id(b);
            var lists = await GetArrayAsync($"boards/{id}/lists?filter=all", ct);
            var cards = await GetArrayAsync($"boards/{id}/cards?filter=all", ct);
            return lists.Count + cards.Count + await ReadActionsAsync(id, ct);
        }, cancellationToken);
        return count;
    }

    public override async Task UpdateAsync(string id, string text, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsync(Url($"cards/{id}?desc={Uri.EscapeDataString(text)}"), null, cancellationToken);
        await Ensure(response, cancellationToken);
    }

    private async Task<int> ReadActionsAsync(string board, CancellationToken cancellationToken)
    {
        var count = 0;
        string? before = null;
        while (true)
        {
            var page = await GetArrayAsync($"boards/{board}/actions?filter=all&limit={ActionPage}" + (before is null ? "" : $"&before={before}"), cancellationToken);
            count += page.Count;
            if (page.Count < ActionPage)
            {
                return count;
            }
            before = Id(page[^1]);
        }
    }

    private static async Task<int> ParallelSumAsync(JsonArray items, Func<JsonNode?, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var total = 0;
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (item, ct) => Interlocked.Add(ref total, await work(item, ct)));
        return total;
    }

    private async Task<JsonArray> GetArrayAsync(string path, CancellationToken cancellationToken, bool single = false)
    {
        using var response = await http.GetAsync(Url(path), cancellationToken);
        await Ensure(response, cancellationToken);
        var node = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
        return single ? [] : node as JsonArray ?? throw new InvalidOperationException($"trello {path}: expected an array");
    }

    private Uri Url(string path) => new($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}key={key}&token={token}", UriKind.Relative);

    private static string Id(JsonNode? item) => (string)item!["id"]!;

    private static async Task Ensure(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"trello {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} → {(int)response.StatusCode}: {body}");
        }
    }
}
