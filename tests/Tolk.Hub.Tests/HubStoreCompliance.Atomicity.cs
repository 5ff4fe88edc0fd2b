using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task an_exception_thrown_mid_batch_rolls_back_the_batch_and_its_cursor()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, Recs("first", 10), new HubCursor("asana/task", "{\"page\":1}"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.AppendAsync(AsanaTask, ThrowAfter(Recs("second", 100), 60), new HubCursor("asana/task", "{\"page\":2}")));

        Assert.Equal("the source broke", failure.Message);
        var log = await ReadAllAsync(store);
        Assert.Equal(10, log.Count);
        Assert.All(log, v => Assert.StartsWith("first-", v.RecordId, StringComparison.Ordinal));
        Assert.Equal(new HubCursor("asana/task", "{\"page\":1}", 1, 1), await store.GetCursorAsync("asana/task"));
    }

    [Fact]
    public async Task the_cursor_is_saved_with_the_versions_it_covers()
    {
        var store = await OpenAsync();
        await store.AppendAsync(AsanaTask, Recs("a", 5), new HubCursor("asana/task", "{\"page\":1}"));
        await store.AppendAsync(AsanaTask, Recs("b", 5), new HubCursor("asana/task", "{\"page\":2}", Format: 3));

        Assert.Equal(new HubCursor("asana/task", "{\"page\":2}", 3, 2), await store.GetCursorAsync("asana/task"));
        Assert.Equal(10, (await ReadAllAsync(store)).Count);
        Assert.Null(await store.GetCursorAsync("trello/card"));
    }

    [Fact]
    public async Task a_failed_batch_inside_a_write_transaction_undoes_only_itself()
    {
        var store = await OpenAsync();
        await using (var writer = await store.BeginWriteAsync())
        {
            await writer.AppendAsync(AsanaTask, Recs("kept", 3));
            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.AppendAsync(AsanaTask, ThrowAfter(Recs("lost", 50), 20)));
            var after = await writer.AppendAsync(CustomerpProject, Recs("also-kept", 2));
            Assert.Equal(5, after.LastSeq);
            await writer.CommitAsync();
        }

        var log = await ReadAllAsync(store);
        Assert.Equal(["kept-0", "kept-1", "kept-2", "also-kept-0", "also-kept-1"], log.Select(v => v.RecordId));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), log.Select(v => v.Seq));
    }

    [Fact]
    public async Task a_write_transaction_disposed_without_commit_leaves_no_trace()
    {
        var store = await OpenAsync();
        await using (var writer = await store.BeginWriteAsync())
        {
            await writer.AppendAsync(AsanaTask, Recs("t", 5));
            await writer.SaveCursorAsync(new HubCursor("asana/task", "{}"));
            var cluster = await writer.CreateClusterAsync("task");
            await writer.AddMemberAsync(cluster, new MemberKey(AsanaTask, "t-0", "task"), JoinedBy.Match);
        }

        Assert.Empty(await ReadAllAsync(store));
        Assert.Null(await store.GetCursorAsync("asana/task"));
        Assert.Empty(await store.FindMembersAsync(AsanaTask, "t-0"));
        // The write lock was released: the next writer gets in.
        Assert.Equal(5, (await store.AppendAsync(AsanaTask, Recs("t", 5))).Appended);
    }

    [Fact]
    public async Task a_committed_write_transaction_cannot_be_used_again()
    {
        var store = await OpenAsync();
        await using var writer = await store.BeginWriteAsync();
        await writer.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.AppendAsync(AsanaTask, Recs("t", 1)));
    }

    [Fact]
    public async Task a_second_writer_waits_until_the_first_is_done()
    {
        var store = await OpenAsync();
        var first = await store.BeginWriteAsync();
        var second = store.BeginWriteAsync();
        await Task.Delay(200);
        Assert.False(second.IsCompleted);

        await first.AppendAsync(AsanaTask, Recs("first", 2));
        await first.CommitAsync();
        await first.DisposeAsync();
        await using var writer = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, (await writer.AppendAsync(AsanaTask, Recs("second", 1))).LastSeq);
    }

    [Fact]
    public async Task a_disposed_store_refuses_reads_and_writes()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetLastSeqAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.BeginWriteAsync());
    }

    private static IEnumerable<HubRecord> ThrowAfter(IEnumerable<HubRecord> records, int count)
    {
        var i = 0;
        foreach (var record in records)
        {
            if (i++ == count)
            {
                throw new InvalidOperationException("the source broke");
            }
            yield return record;
        }
    }
}
