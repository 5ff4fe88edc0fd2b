using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Sample;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <inheritdoc />
    /// <remarks>
    /// Customers: every third organization of the world plus its first near-miss (same name, other org number and
    /// e-mail); projects and tasks of Custompms's own, drawn from the world's words and people. Ids are hashes of the
    /// seed, so they are stable for a seed. Timestamps lie between 400 and 10 days before the seeding clock: the seeded
    /// history is older than the change log's window, so the log starts with its head past the seed and nothing kept.
    /// </remarks>
    public override void Seed(SampleWorld world)
    {
        var random = world.RandomFor(Name);
        var now = Context.Time.GetUtcNow();
        var seedNow = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        _seeding = true;
        try
        {
            lock (_sync)
            {
                _idSeed = world.Options.Seed;
                foreach (var c in _collections.Values)
                {
                    c.Order.Clear();
                    c.Issued = 0;
                }
                var customers = CustomerRows(world);
                var customerIds = SeedRows(Customers, customers, random, seedNow);
                var projects = ProjectRows(world, random, customers, customerIds);
                var projectIds = SeedRows(Projects, projects, random, seedNow);
                SeedRows(Tasks, TaskRows(world, random, projects, projectIds), random, seedNow);
                _nextKey = projects.Count + 1;
                _changes.Restart(_collections.Values.Sum(c => c.Issued));
            }
        }
        finally
        {
            _seeding = false;
        }
    }

    private List<string> SeedRows(CollectionSchema schema, List<JsonObject> rows, Random random, DateTimeOffset seedNow)
    {
        var c = _collections[schema.Name];
        var first = seedNow.AddDays(-400);
        var step = TimeSpan.FromTicks(TimeSpan.FromDays(360).Ticks / Math.Max(1, rows.Count));
        var ids = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            var created = first + step * ids.Count;
            var id = RecordIds.Make(_idSeed, schema.Name, c.Issued++);
            var record = Build(id, row, Rfc3339.Truncate(created));
            Touch(schema.Name, record, Rfc3339.Truncate(created + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 30))));
            c.Table.Put(id, record, ChangeOrigin.Api);
            ids.Add(id);
        }
        return ids;
    }

    private static List<JsonObject> CustomerRows(SampleWorld world) =>
        world.Organizations.Where(o => o.Index % 3 == 0).Concat(world.NearMissOrganizations.Take(1)).Select(CustomerFields).ToList();
}
