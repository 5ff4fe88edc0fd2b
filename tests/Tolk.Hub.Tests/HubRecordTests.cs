using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Tolk.Hub.Tests;

public sealed class HubRecordTests
{
    [Fact]
    public void canonical_content_orders_keys_ordinally_at_every_depth_and_keeps_array_order()
    {
        var record = HubRecord.FromProperties("1", new JsonObject
        {
            ["b"] = 1,
            ["a"] = new JsonObject { ["z"] = true, ["Z"] = null },
            ["ø"] = "Blåbær",
            ["list"] = new JsonArray(3, new JsonObject { ["y"] = 1, ["x"] = 2 }, 1),
        });

        Assert.Equal("{\"a\":{\"Z\":null,\"z\":true},\"b\":1,\"list\":[3,{\"x\":2,\"y\":1},1],\"ø\":\"Blåbær\"}", record.Content);
    }

    [Fact]
    public void the_hash_covers_content_and_deleted_flag()
    {
        var live = new HubRecord("1", "{\"a\":1}");

        Assert.Equal(live.ComputeHash(), (live with { Id = "2", ModifiedAt = DateTimeOffset.UnixEpoch }).ComputeHash());
        Assert.NotEqual(live.ComputeHash(), (live with { Deleted = true }).ComputeHash());
        Assert.NotEqual(live.ComputeHash(), (live with { Content = "{\"a\":2}" }).ComputeHash());
        Assert.Equal(64, live.ComputeHash().Length);
    }

    private static readonly string[] Keys = ["a", "B", "b", "å", "id", "name", "Name", "z9", "_x", "ø"];

    [Property(MaxTest = 200)]
    public Property the_same_properties_built_in_any_order_have_the_same_content_and_hash()
    {
        var cases =
            from keys in Gen.SubListOf(Keys)
            from values in Gen.ArrayOf(Gen.Choose(-1000, 1000), keys.Count)
            let pairs = keys.Zip(values).ToArray()
            from shuffled in Gen.Shuffle(pairs)
            select (pairs, shuffled);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var one = HubRecord.FromProperties("r", Object(c.pairs));
            var other = HubRecord.FromProperties("r", Object(c.shuffled));
            return one.Content == other.Content && one.ComputeHash() == other.ComputeHash();
        });
    }

    private static JsonObject Object(IEnumerable<(string Key, int Value)> pairs)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            // Nested objects get their keys in the same shuffled order, so canonical form must reach every depth.
            obj[key] = new JsonObject { [key + "2"] = key, ["v"] = value };
        }
        return obj;
    }
}
