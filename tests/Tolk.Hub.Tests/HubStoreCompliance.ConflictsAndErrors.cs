using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task conflicts_are_logged_with_both_sides_and_listed_newest_first()
    {
        var store = await OpenAsync();
        var one = await store.CreateClusterAsync("project");
        var two = await store.CreateClusterAsync("project");
        var expected = SampleConflict(one);
        var first = await store.AddConflictAsync(expected);
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await store.AddConflictAsync(SampleConflict(two) with { Property = "status" });

        var all = await store.GetConflictsAsync(null, 10);
        var ofOne = await store.GetConflictsAsync(one, 10);

        Assert.Equal([second, first], all.Select(c => c.Id));
        var logged = Assert.Single(ofOne);
        Assert.Equal(expected.Winner, logged.Winner);
        Assert.Equal(expected.Loser, logged.Loser);
        Assert.Equal(("name", Time.GetUtcNow() - TimeSpan.FromMinutes(1)), (logged.Property, logged.DetectedAt));
        Assert.Single(await store.GetConflictsAsync(null, 1));
    }

    [Fact]
    public async Task the_same_unresolved_error_is_updated_counting_attempts_and_keeping_first_seen()
    {
        var store = await OpenAsync();
        var error = new RecordError(AsanaTask, "t1", "due_on", "not a date: 'tomorrow'");
        var first = await store.RecordErrorAsync(error, "process");
        Time.Advance(TimeSpan.FromMinutes(10));
        var again = await store.RecordErrorAsync(error with { Message = "not a date: 'soon'" }, "process");
        var otherStage = await store.RecordErrorAsync(error, "apply");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((2, first.FirstSeen, Time.GetUtcNow()), (again.Attempts, again.FirstSeen, again.LastSeen));
        Assert.NotEqual(first.Id, otherStage.Id);
        var listed = await store.GetErrorsAsync(includeResolved: false, limit: 10);
        Assert.Equal(2, listed.Count);
        var stored = listed.Single(e => e.Stage == "process");
        Assert.Equal(("not a date: 'soon'", "due_on", 2, (DateTimeOffset?)null), (stored.Message, stored.Field, stored.Attempts, stored.ResolvedAt));
    }

    [Fact]
    public async Task a_resolved_error_that_comes_back_is_a_new_row()
    {
        var store = await OpenAsync();
        var error = new RecordError(AsanaTask, "t1", null, "API said 500");
        var first = await store.RecordErrorAsync(error, "apply");
        await using (var writer = await store.BeginWriteAsync())
        {
            Assert.Equal(1, await writer.ResolveErrorsAsync(AsanaTask, "t1", "apply"));
            Assert.Equal(0, await writer.ResolveErrorsAsync(AsanaTask, "t1"));
            await writer.CommitAsync();
        }
        Assert.Empty(await store.GetErrorsAsync(includeResolved: false, limit: 10));

        Time.Advance(TimeSpan.FromHours(1));
        var back = await store.RecordErrorAsync(error, "apply");

        Assert.NotEqual(first.Id, back.Id);
        Assert.Equal(1, back.Attempts);
        var all = await store.GetErrorsAsync(includeResolved: true, limit: 10);
        Assert.Equal([back.Id, first.Id], all.Select(e => e.Id));
        Assert.Equal(Time.GetUtcNow() - TimeSpan.FromHours(1), all[1].ResolvedAt);
    }

    private NewConflict SampleConflict(long clusterId) => new(
        clusterId,
        "name",
        new ConflictSide(AsanaTask, "a1", "\"New name\"", Time.GetUtcNow() - TimeSpan.FromMinutes(1)),
        new ConflictSide(CustomerpProject, "c1", "\"Old name\"", Time.GetUtcNow() - TimeSpan.FromMinutes(2)));
}
