using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Tolk.Asana.Internal.Dto;
using Tolk.Connectors;

namespace Tolk.Asana.Internal;

/// <summary>Raw records of one or more listings, or the failure that ended them.</summary>
internal sealed record ListPage(IReadOnlyList<JsonNode?> Items, Failure? Failure);

/// <summary>
/// Reads listings to the end, ten pages to a batch call (one per listing, say the task listings of ten projects), following
/// each <c>next_page</c> offset. An offset that expired restarts its listing from the top, as Asana advises.
/// </summary>
internal sealed class Lister(AsanaApiClient api, int pageSize)
{
    private const int MaxRestarts = 3;

    /// <summary>The pages of every listing in <paramref name="paths"/>, each selecting <paramref name="fields"/>.</summary>
    public async IAsyncEnumerable<ListPage> ListAsync(IReadOnlyList<string> paths, string fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(pageSize, 1, 100);
        var queue = new Queue<(string Path, string? Offset, int Restarts)>(paths.Select(p => (p, (string?)null, 0)));
        while (queue.Count > 0)
        {
            var round = new List<(string Path, string? Offset, int Restarts)>();
            while (queue.Count > 0 && round.Count < api.BatchSize)
            {
                round.Add(queue.Dequeue());
            }
            var answers = await api.RunAsync(round.Select(r => new BatchAction("get", r.Path, null, fields, limit, r.Offset)).ToList(), cancellationToken);
            var items = new List<JsonNode?>();
            for (var i = 0; i < round.Count; i++)
            {
                var (path, offset, restarts) = round[i];
                var answer = answers[i];
                if (answer.Status == 400 && offset is not null && restarts < MaxRestarts
                    && answer.ErrorMessage?.StartsWith("offset:", StringComparison.Ordinal) == true)
                {
                    queue.Enqueue((path, null, restarts + 1));
                    continue;
                }
                if (!answer.Ok || answer.Data is not JsonArray data)
                {
                    yield return new ListPage(items, AsanaFailures.From(answer.Ok ? answer with { Status = 502 } : answer, api.Guard));
                    yield break;
                }
                items.AddRange(data.Select(d => d?.DeepClone()));
                if (answer.Body?["next_page"]?["offset"] is JsonValue next && next.TryGetValue<string>(out var token))
                {
                    queue.Enqueue((path, token, restarts));
                }
            }
            yield return new ListPage(items, null);
        }
    }

    /// <summary>Every item of the listings, or the failure.</summary>
    public async Task<(List<JsonNode?> Items, Failure? Failure)> ListAllAsync(IReadOnlyList<string> paths, string fields, CancellationToken cancellationToken)
    {
        var all = new List<JsonNode?>();
        await foreach (var page in ListAsync(paths, fields, cancellationToken))
        {
            all.AddRange(page.Items);
            if (page.Failure is not null)
            {
                return (all, page.Failure);
            }
        }
        return (all, null);
    }
}
