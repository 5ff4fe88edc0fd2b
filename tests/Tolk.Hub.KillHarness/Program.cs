using System.Text.Json.Nodes;
using Tolk.Hub;
using Tolk.Hub.KillHarness;
using Tolk.Hub.Store;

// Usage: dotnet Tolk.Hub.KillHarness.dll sqlite <database path>
// Commits a first batch with its cursor, then starts a second, bigger batch whose records are produced slowly after a
// marker line halfway through, so the test can kill the process while that batch's transaction is open and large.
if (args.Length != 2 || args[0] != "sqlite")
{
    Console.Error.WriteLine("usage: Tolk.Hub.KillHarness sqlite <database path>");
    return 2;
}

var dataset = new Dataset("harness", "item");
await using var store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = args[1] });

await store.AppendAsync(dataset, Records("first", HarnessPlan.FirstBatch), new HubCursor(HarnessPlan.CursorKey, "{\"batch\":1}"));
Console.WriteLine(HarnessPlan.FirstCommitted);

await store.AppendAsync(dataset, SlowSecondBatch(), new HubCursor(HarnessPlan.CursorKey, "{\"batch\":2}"));
Console.WriteLine(HarnessPlan.SecondCommitted);
return 0;

static IEnumerable<HubRecord> SlowSecondBatch()
{
    var i = 0;
    foreach (var record in Records("second", HarnessPlan.SecondBatch))
    {
        if (i++ == HarnessPlan.SecondBatch / 2)
        {
            Console.WriteLine(HarnessPlan.Halfway);
        }
        if (i > HarnessPlan.SecondBatch / 2)
        {
            // Long enough that the test kills us long before the batch could finish.
            Thread.Sleep(50);
        }
        yield return record;
    }
}

static IEnumerable<HubRecord> Records(string prefix, int count)
{
    var filler = new string('x', 900);
    for (var i = 0; i < count; i++)
    {
        yield return HubRecord.FromProperties($"{prefix}-{i}", new JsonObject { ["n"] = i, ["batch"] = prefix, ["filler"] = filler });
    }
}
