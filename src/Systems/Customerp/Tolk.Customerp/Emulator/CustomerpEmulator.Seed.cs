using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Sample;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    /// <inheritdoc />
    /// <remarks>
    /// Every organization is a customer, every contact a contact (of the customer of its organization), every employee
    /// an employee, the projects with an odd index are projects, every product a product; ids count from 1 per
    /// collection in world order. Timestamps lie in the 400 days before the seeding clock, so that every later edit is
    /// newer than all seeded data and an <c>updated_since</c> high-water mark never misses one.
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
                foreach (var collection in _collections.Values)
                {
                    collection.Index.Clear();
                    collection.NextId = 0;
                }
                SeedCollection(Customers, world.Organizations.Select(CustomerFields).ToList(), random, seedNow);
                SeedCollection(Contacts, world.Contacts.Select(ContactFields).ToList(), random, seedNow);
                SeedCollection(Employees, world.Employees.Select(e => EmployeeFields(e, random)).ToList(), random, seedNow);
                SeedCollection(Projects, world.Projects.Where(p => p.Index % 2 == 1).Select(p => ProjectFields(p, random)).ToList(), random, seedNow);
                SeedCollection(Products, world.Products.Select(ProductFields).ToList(), random, seedNow);
            }
        }
        finally
        {
            _seeding = false;
        }
    }

    private void SeedCollection(CollectionSchema schema, List<JsonObject> rows, Random random, DateTimeOffset seedNow)
    {
        var collection = _collections[schema.Name];
        var first = seedNow.AddDays(-400);
        var step = TimeSpan.FromTicks(TimeSpan.FromDays(360).Ticks / Math.Max(1, rows.Count));
        for (var i = 0; i < rows.Count; i++)
        {
            var created = first + step * i;
            var updated = created + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 30));
            var id = ++collection.NextId;
            var record = Build(schema, id, rows[i], created);
            record["updated_at"] = Rfc3339.Format(updated);
            record["version"] = updated == created ? 1 : 1 + random.Next(1, 4);
            collection.Table.Put(Key(id), record, ChangeOrigin.Api);
        }
    }

    /// <summary>A record in the API's shape and field order: id, the collection's fields, timestamps, version.</summary>
    private static JsonObject Build(CollectionSchema schema, int id, JsonObject fields, DateTimeOffset at)
    {
        var record = new JsonObject { ["id"] = id };
        foreach (var field in schema.Fields)
        {
            record[field.Name] = fields[field.Name]?.DeepClone();
        }
        var stamp = Rfc3339.Format(at);
        record["created_at"] = stamp;
        record["updated_at"] = stamp;
        record["deleted_at"] = null;
        record["version"] = 1;
        return record;
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
