using System.Text.Json.Nodes;

namespace Tolk.Custompms.Internal;

/// <summary>
/// Where a listing stands, keyset-style. The API pages by number over a list ordered by (modifiedAt, id), so a record
/// edited during a read jumps to the end and would shift every later one back a place: following page numbers would
/// skip one. Instead each page is asked for from <see cref="Since"/> (inclusive, the last <c>modifiedAt</c> read) and
/// the records read at exactly that instant (<see cref="Boundary"/>) are dropped. Only when a whole page shares one
/// instant does the listing move on by <see cref="Page"/> number within it.
/// </summary>
/// <param name="Since">The <c>modifiedSince</c> to ask with (UTC, milliseconds), or null for the whole collection.</param>
/// <param name="Page">The page number from <see cref="Since"/>.</param>
/// <param name="Boundary">Ids already read whose <c>modifiedAt</c> is exactly <see cref="Since"/>.</param>
internal sealed record ListingPosition(string? Since, int Page, IReadOnlyList<string> Boundary)
{
    /// <summary>The start of a listing of everything modified at or after <paramref name="since"/> (null: everything).</summary>
    public static ListingPosition From(DateTimeOffset? since) => new(since is { } s ? Stamps.Write(Stamps.Truncate(s)) : null, 1, []);

    /// <summary>
    /// Takes a page the API answered for this position: the items not read before, in order, and the position of the
    /// next page. Items without a readable id or <c>modifiedAt</c> are passed on (to be reported) but do not move the position.
    /// </summary>
    public (IReadOnlyList<JsonNode?> Fresh, ListingPosition Next) Advance(JsonArray items)
    {
        var seen = Boundary.ToHashSet(StringComparer.Ordinal);
        var since = Since is null ? null : Stamps.Parse(Since);
        var fresh = new List<JsonNode?>(items.Count);
        DateTimeOffset? last = null;
        foreach (var item in items)
        {
            var id = RecordReader.IdOf(item);
            if (id is not null && seen.Contains(id) && StampOf(item) == since)
            {
                continue;
            }
            fresh.Add(item);
            last = StampOf(item) ?? last;
        }
        if (last is not { } newest || (since is { } s && newest <= s))
        {
            // The page did not get past the instant it started at: move on by page number within it.
            var within = Boundary.Concat(items.Where(i => since is not null && StampOf(i) == since).Select(RecordReader.IdOf).OfType<string>());
            return (fresh, this with { Page = Page + 1, Boundary = within.Distinct(StringComparer.Ordinal).ToList() });
        }
        var atNewest = items.Where(i => StampOf(i) == newest).Select(RecordReader.IdOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (fresh, new ListingPosition(Stamps.Write(newest), 1, atNewest));
    }

    private static DateTimeOffset? StampOf(JsonNode? item) => item is JsonObject o ? Stamps.Read(o["modifiedAt"]) : null;
}
