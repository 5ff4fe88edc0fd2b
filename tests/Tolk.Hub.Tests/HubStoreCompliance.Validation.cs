using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    private static readonly HubRecord[] MixedBatch =
    [
        Rec("good-1", 1),
        new("bad-json", "{\"name\": \"unterminated"),
        new("", "{}"),
        new("   ", "{}"),
        new("not-an-object", "[1, 2, 3]"),
        new("trailing", "{} {}"),
        new("too-big", "{\"filler\":\"" + new string('x', 600) + "\"}"),
        Rec("good-2", 2),
    ];

    [Fact]
    public async Task bad_records_are_rejected_naming_dataset_record_and_field_while_the_valid_ones_are_appended()
    {
        var store = await OpenAsync(options: new HubStoreOptions { MaxRecordBytes = 512 });

        var result = await store.AppendAsync(AsanaTask, MixedBatch, new HubCursor("asana/task", "{\"page\":1}"));

        Assert.Equal(2, result.Appended);
        Assert.False(result.IsComplete);
        Assert.Equal(
            [("bad-json", "content"), ("", "id"), ("   ", "id"), ("not-an-object", "content"), ("trailing", "content"), ("too-big", "content")],
            result.Errors.Select(e => (e.RecordId, e.Field)));
        Assert.All(result.Errors, e => Assert.Equal(AsanaTask, e.Dataset));
        Assert.Contains("512", result.Errors.Single(e => e.RecordId == "too-big").Message, StringComparison.Ordinal);
        Assert.Equal(["good-1", "good-2"], (await ReadAllAsync(store)).Select(v => v.RecordId));
        Assert.NotNull(await store.GetCursorAsync("asana/task"));

        var quarantined = await store.GetErrorsAsync(includeResolved: false, limit: 100);
        Assert.Equal(6, quarantined.Count);
        Assert.All(quarantined, e => Assert.Equal(("collect", AsanaTask, 1), (e.Stage, e.Dataset, e.Attempts)));
        Assert.Contains(quarantined, e => e is { RecordId: "bad-json", Field: "content" });
    }

    [Fact]
    public async Task an_all_or_nothing_batch_with_a_bad_record_writes_nothing_and_returns_every_error()
    {
        var store = await OpenAsync(options: new HubStoreOptions { MaxRecordBytes = 512 });
        await store.AppendAsync(AsanaTask, [Rec("good-1", 0)]);

        var result = await store.AppendAsync(AsanaTask, MixedBatch, new HubCursor("asana/task", "{}"), AppendMode.AllOrNothing);

        Assert.Equal((0, 6), (result.Appended, result.Errors.Count));
        Assert.Equal(0, result.LastSeq);
        Assert.Equal(["good-1"], (await ReadAllAsync(store)).Select(v => v.RecordId));
        Assert.Equal(0, JsonNodeInt((await store.GetLatestAsync(AsanaTask, "good-1"))!.Content));
        Assert.Null(await store.GetCursorAsync("asana/task"));
        Assert.Empty(await store.GetErrorsAsync(includeResolved: true, limit: 100));
    }

    [Fact]
    public async Task an_all_or_nothing_batch_of_valid_records_is_appended_whole()
    {
        var store = await OpenAsync();
        var result = await store.AppendAsync(AsanaTask, Recs("t", 20), new HubCursor("asana/task", "{}"), AppendMode.AllOrNothing);

        Assert.True(result.IsComplete);
        Assert.Equal(20, result.Appended);
        Assert.Equal(20, (await ReadAllAsync(store)).Count);
    }

    [Fact]
    public async Task content_with_an_unpaired_surrogate_is_rejected_as_content()
    {
        var store = await OpenAsync();
        var result = await store.AppendAsync(AsanaTask, [new HubRecord("s", "{\"name\":\"\ud800\"}")]);

        Assert.Equal(("s", "content"), (result.Errors.Single().RecordId, result.Errors.Single().Field));
        Assert.Empty(await ReadAllAsync(store));
    }

    private static int JsonNodeInt(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!["n"]!.GetValue<int>();
}
