using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task completing_an_intent_appends_the_version_joins_the_cluster_and_marks_it_done_in_one_transaction()
    {
        var store = await OpenAsync();
        var cluster = await store.CreateClusterAsync("project");
        await store.AddMemberAsync(cluster, new MemberKey(AsanaTask, "a1", "project"), JoinedBy.Match);
        var intent = await store.AddIntentAsync(new NewIntent(cluster, CustomerpProject, "project", "{\"name\":\"P\"}", "idem-1"));
        Assert.Equal(IntentState.Pending, intent.State);
        Assert.Equal(64, intent.PayloadHash.Length);

        var created = Rec("c-77", 1);
        await using (var rolledBack = await store.BeginWriteAsync())
        {
            Assert.True((await rolledBack.CompleteIntentAsync(intent.Id, created, "{\"name\":\"P\"}")).IsComplete);
        }
        Assert.Equal(IntentState.Pending, (await store.GetIntentAsync(intent.Id))!.State);
        Assert.Null(await store.GetLatestAsync(CustomerpProject, "c-77"));
        Assert.Empty(await store.FindMembersAsync(CustomerpProject, "c-77"));

        Time.Advance(TimeSpan.FromSeconds(2));
        var result = await store.CompleteIntentAsync(intent.Id, created, "{\"name\":\"P\"}");

        Assert.Equal(1, result.Appended);
        var done = await store.GetIntentAsync(intent.Id);
        Assert.Equal((IntentState.Done, "c-77", Time.GetUtcNow()), (done!.State, done.RecordId, done.ResolvedAt));
        Assert.Equal(result.LastSeq, (await store.GetLatestAsync(CustomerpProject, "c-77"))!.Seq);
        var member = Assert.Single(await store.FindMembersAsync(CustomerpProject, "c-77"));
        Assert.Equal((cluster, JoinedBy.Insert, "{\"name\":\"P\"}"), (member.ClusterId, member.JoinedBy, member.SyncedValues));
        Assert.Single(await store.GetFlowLinksAsync(AsanaTask, CustomerpProject));
        Assert.Empty(await store.GetPendingIntentsAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CompleteIntentAsync(intent.Id, created));
    }

    [Fact]
    public async Task pending_intents_are_listed_after_reopening_the_store()
    {
        var store = await OpenAsync();
        var cluster = await store.CreateClusterAsync("organization");
        var first = await store.AddIntentAsync(new NewIntent(cluster, CustomerpProject, "organization", "{\"a\":1}", "k1"));
        var second = await store.AddIntentAsync(new NewIntent(cluster, CustompmsProject, "organization", "{\"a\":2}", "k2"));
        var third = await store.AddIntentAsync(new NewIntent(cluster, AsanaTask, "organization", "{\"a\":3}", "k3"));
        await store.FailIntentAsync(second.Id, "422 from the API");
        await store.DisposeAsync();

        var reopened = await OpenAsync();
        var pending = await reopened.GetPendingIntentsAsync();

        Assert.Equal([first, third], pending);
        var failed = await reopened.GetIntentAsync(second.Id);
        Assert.Equal((IntentState.Failed, "422 from the API"), (failed!.State, failed.Error));
    }

    [Fact]
    public async Task an_intent_completed_with_a_bad_record_stays_pending_and_nothing_is_written()
    {
        var store = await OpenAsync();
        var cluster = await store.CreateClusterAsync("project");
        var intent = await store.AddIntentAsync(new NewIntent(cluster, CustomerpProject, "project", "{}", "idem-2"));

        var result = await store.CompleteIntentAsync(intent.Id, new HubRecord("c-1", "not json"));

        Assert.Equal(("c-1", "content"), (Assert.Single(result.Errors).RecordId, result.Errors[0].Field));
        Assert.Equal(IntentState.Pending, (await store.GetIntentAsync(intent.Id))!.State);
        Assert.Empty(await store.FindMembersAsync(CustomerpProject, "c-1"));
    }

    [Fact]
    public async Task an_idempotency_key_is_used_once()
    {
        var store = await OpenAsync();
        var cluster = await store.CreateClusterAsync("project");
        await store.AddIntentAsync(new NewIntent(cluster, CustomerpProject, "project", "{}", "same"));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            store.AddIntentAsync(new NewIntent(cluster, CustomerpProject, "project", "{}", "same")));
        Assert.Single(await store.GetPendingIntentsAsync());
    }

    [Fact]
    public async Task one_write_transaction_can_append_update_synced_values_and_complete_an_intent_together()
    {
        var store = await OpenAsync();
        var cluster = await store.CreateClusterAsync("project");
        var asana = new MemberKey(AsanaTask, "a1", "project");
        await store.AddMemberAsync(cluster, asana, JoinedBy.Match);
        var intent = await store.AddIntentAsync(new NewIntent(cluster, CustomerpProject, "project", "{}", "idem-3"));

        await using (var writer = await store.BeginWriteAsync())
        {
            await writer.AppendAsync(AsanaTask, [Rec("a1", 5)]);
            await writer.SetSyncedValuesAsync(asana, "{\"n\":5}");
            await writer.CompleteIntentAsync(intent.Id, Rec("c1", 5), "{\"n\":5}");
            await writer.SaveCursorAsync(new HubCursor("engine/project", "{\"seq\":2}"));
            await writer.CommitAsync();
        }

        Assert.Equal(["a1", "c1"], (await ReadAllAsync(store)).Select(v => v.RecordId));
        Assert.Equal("{\"n\":5}", (await store.FindMembersAsync(AsanaTask, "a1"))[0].SyncedValues);
        Assert.Equal(IntentState.Done, (await store.GetIntentAsync(intent.Id))!.State);
        Assert.Equal("{\"seq\":2}", (await store.GetCursorAsync("engine/project"))!.Value);
    }
}
