using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Tolk.Custompms.Internal;

namespace Tolk.Custompms.Tests.Connector;

public sealed class ListingPositionTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void the_next_page_starts_at_the_last_instant_read_and_drops_the_records_read_at_it()
    {
        var start = ListingPosition.From(null);
        var (fresh, next) = start.Advance(Page(("a", 1), ("b", 2), ("c", 2)));
        Assert.Equal(3, fresh.Count);
        Assert.Equal(Stamp(2), next.Since);
        Assert.Equal(1, next.Page);
        Assert.Equal([Id("b"), Id("c")], next.Boundary);

        var (again, after) = next.Advance(Page(("b", 2), ("c", 2), ("d", 3)));
        Assert.Equal([Id("d")], again.Select(RecordReader.IdOf));
        Assert.Equal(Stamp(3), after.Since);
        Assert.Equal(1, after.Page);
    }

    [Fact]
    public void a_page_that_does_not_get_past_its_instant_moves_on_by_page_number()
    {
        var at = new ListingPosition(Stamp(5), 1, [Id("a")]);
        var (fresh, next) = at.Advance(Page(("a", 5), ("b", 5), ("c", 5)));
        Assert.Equal([Id("b"), Id("c")], fresh.Select(RecordReader.IdOf));
        Assert.Equal(Stamp(5), next.Since);
        Assert.Equal(2, next.Page);
        Assert.Equal([Id("a"), Id("b"), Id("c")], next.Boundary);
    }

    [Fact]
    public void an_item_without_a_readable_stamp_is_passed_on_but_does_not_move_the_position()
    {
        var page = Page(("a", 1));
        page.Add(new JsonObject { ["id"] = Id("z"), ["modifiedAt"] = "not a time" });
        var (fresh, next) = ListingPosition.From(null).Advance(page);
        Assert.Equal(2, fresh.Count);
        Assert.Equal(Stamp(1), next.Since);
    }

    /// <summary>
    /// The property the keyset exists for: against a server that pages by number over (modifiedAt, id), while records
    /// are edited (moved to the end with a new instant), deleted and created between pages, every record that is there
    /// for the whole listing is read. Instants repeat, but fewer times than a page holds.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property every_record_present_throughout_a_listing_is_read_whatever_happens_between_pages()
    {
        var cases =
            from count in Gen.Choose(0, 40)
            from stamps in Gen.ArrayOf(Gen.Choose(0, 15), count)
            from perPage in Gen.Choose(4, 10)
            from events in Gen.ArrayOf(Gen.Choose(0, 1000), 60)
            select (stamps, perPage, events);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var server = new PagingServer(c.stamps.Select((s, i) => (Id($"r{i}"), s)).GroupBy(r => r.s)
                .SelectMany(g => g.Take(c.perPage - 1)).ToList());
            var untouched = server.Ids.ToHashSet();
            var read = new HashSet<string>();
            var position = ListingPosition.From(null);
            var step = 0;
            for (var guard = 0; guard < 500; guard++)
            {
                var (items, more) = server.Page(position, c.perPage);
                var (fresh, next) = position.Advance(items);
                read.UnionWith(fresh.Select(RecordReader.IdOf).OfType<string>());
                if (!more || items.Count == 0)
                {
                    break;
                }
                position = next;
                foreach (var id in server.Disturb(c.events[step++ % c.events.Length]))
                {
                    untouched.Remove(id);
                }
            }
            return untouched.IsSubsetOf(read);
        });
    }

    private static JsonArray Page(params (string Name, int Second)[] items) => Items(items.Select(i => (Id(i.Name), i.Second)));

    private static JsonArray Items(IEnumerable<(string Id, int Second)> items) =>
        new(items.Select(i => (JsonNode?)new JsonObject { ["id"] = i.Id, ["modifiedAt"] = Stamp(i.Second) }).ToArray());

    private static string Stamp(int second) => Stamps.Write(Epoch.AddSeconds(second));

    private static string Id(string name) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString("D");

    /// <summary>A list ordered by (modifiedAt, id), paged by number, with modifiedSince inclusive: the contract's.</summary>
    private sealed class PagingServer(List<(string Id, int Second)> records)
    {
        private int _clock = 100;
        private int _created;

        public IEnumerable<string> Ids => records.Select(r => r.Id);

        public (JsonArray Items, bool More) Page(ListingPosition position, int perPage)
        {
            var since = position.Since is null ? (int?)null
                : (int)(DateTimeOffset.Parse(position.Since, CultureInfo.InvariantCulture) - Epoch).TotalSeconds;
            var matching = records.Where(r => since is null || r.Second >= since).OrderBy(r => r.Second).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var page = matching.Skip((position.Page - 1) * perPage).Take(perPage).ToList();
            return (Items(page), position.Page * perPage < matching.Count);
        }

        /// <summary>Edits, deletes or creates a record; returns the ids no longer untouched.</summary>
        public IEnumerable<string> Disturb(int choice)
        {
            if (records.Count == 0 || choice % 4 == 3)
            {
                var id = Id($"new{_created++}");
                records.Add((id, _clock++));
                return [id];
            }
            var victim = records[choice % records.Count];
            records.Remove(victim);
            if (choice % 4 != 2)
            {
                records.Add((victim.Id, _clock++));
            }
            return [victim.Id];
        }
    }
}
