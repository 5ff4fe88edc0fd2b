using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task members_of_one_cluster_in_two_datasets_are_that_flows_links()
    {
        var store = await OpenAsync();
        var one = await store.CreateClusterAsync("project", "{\"name\":\"One\"}");
        var two = await store.CreateClusterAsync("project");
        await store.AddMemberAsync(one, new MemberKey(AsanaTask, "a1", "project"), JoinedBy.Match);
        await store.AddMemberAsync(one, new MemberKey(CustomerpProject, "c1", "project"), JoinedBy.Insert);
        await store.AddMemberAsync(one, new MemberKey(CustompmsProject, "p1", "project"), JoinedBy.Insert);
        await store.AddMemberAsync(two, new MemberKey(AsanaTask, "a2", "project"), JoinedBy.Match);

        var links = await store.GetFlowLinksAsync(AsanaTask, CustomerpProject);
        var chained = await store.GetFlowLinksAsync(CustomerpProject, CustompmsProject);

        var link = Assert.Single(links);
        Assert.Equal(one, link.ClusterId);
        Assert.Equal((AsanaTask, "a1", JoinedBy.Match), (link.Source.Dataset, link.Source.RecordId, link.Source.JoinedBy));
        Assert.Equal((CustomerpProject, "c1", JoinedBy.Insert), (link.Target.Dataset, link.Target.RecordId, link.Target.JoinedBy));
        Assert.Equal(Time.GetUtcNow(), link.Target.JoinedAt);
        Assert.Equal(("c1", "p1"), (Assert.Single(chained).Source.RecordId, Assert.Single(chained).Target.RecordId));
        Assert.Empty(await store.GetFlowLinksAsync(AsanaTask, new Dataset("trello", "card")));
    }

    [Fact]
    public async Task a_member_is_found_with_its_cluster_and_a_record_may_play_two_roles()
    {
        var store = await OpenAsync();
        var task = await store.CreateClusterAsync("task");
        var project = await store.CreateClusterAsync("project");
        await store.AddMemberAsync(task, new MemberKey(AsanaTask, "a1", "task"), JoinedBy.Match);
        await store.AddMemberAsync(project, new MemberKey(AsanaTask, "a1", "project"), JoinedBy.Manual);

        var members = await store.FindMembersAsync(AsanaTask, "a1");

        Assert.Equal([(project, "project", JoinedBy.Manual), (task, "task", JoinedBy.Match)],
            members.Select(m => (m.ClusterId, m.Role, m.JoinedBy)));
        Assert.Empty(await store.FindMembersAsync(AsanaTask, "a2"));
        var cluster = await store.GetClusterAsync(task);
        Assert.Equal(("task", "{}"), (cluster!.GlobalType, cluster.GoldenRecord));
        Assert.Equal("a1", Assert.Single(cluster.Members).RecordId);
        Assert.Null(await store.GetClusterAsync(9999));
    }

    [Fact]
    public async Task adding_a_member_twice_is_harmless_but_a_member_of_another_cluster_must_leave_first()
    {
        var store = await OpenAsync();
        var one = await store.CreateClusterAsync("task");
        var two = await store.CreateClusterAsync("task");
        var key = new MemberKey(AsanaTask, "a1", "task");
        var first = await store.AddMemberAsync(one, key, JoinedBy.Match);
        Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(first, await store.AddMemberAsync(one, key, JoinedBy.Manual));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddMemberAsync(two, key, JoinedBy.Match));

        Assert.True(await store.RemoveMemberAsync(key));
        Assert.False(await store.RemoveMemberAsync(key));
        Assert.Equal(two, (await store.AddMemberAsync(two, key, JoinedBy.Manual)).ClusterId);
        Assert.Empty((await store.GetClusterAsync(one))!.Members);
    }

    [Fact]
    public async Task merging_two_clusters_moves_members_intents_and_conflicts_to_the_survivor()
    {
        var store = await OpenAsync();
        var survivor = await store.CreateClusterAsync("project");
        var absorbed = await store.CreateClusterAsync("project");
        await store.AddMemberAsync(survivor, new MemberKey(AsanaTask, "a1", "project"), JoinedBy.Match);
        await store.AddMemberAsync(absorbed, new MemberKey(CustomerpProject, "c1", "project"), JoinedBy.Match);
        var intent = await store.AddIntentAsync(new NewIntent(absorbed, CustompmsProject, "project", "{}", "key-1"));
        await store.AddConflictAsync(SampleConflict(absorbed));
        Assert.Empty(await store.GetFlowLinksAsync(AsanaTask, CustomerpProject));

        Assert.Equal(MergeOutcome.Merged, await store.MergeClustersAsync(survivor, absorbed));

        Assert.Null(await store.GetClusterAsync(absorbed));
        Assert.Equal(2, (await store.GetClusterAsync(survivor))!.Members.Count);
        Assert.Equal(survivor, Assert.Single(await store.GetFlowLinksAsync(AsanaTask, CustomerpProject)).ClusterId);
        Assert.Equal(survivor, (await store.GetIntentAsync(intent.Id))!.ClusterId);
        Assert.Equal(survivor, Assert.Single(await store.GetConflictsAsync(survivor, 10)).ClusterId);
    }

    [Fact]
    public async Task clusters_of_different_global_types_or_missing_clusters_are_not_merged()
    {
        var store = await OpenAsync();
        var project = await store.CreateClusterAsync("project");
        var task = await store.CreateClusterAsync("task");

        Assert.Equal(MergeOutcome.TypeMismatch, await store.MergeClustersAsync(project, task));
        Assert.Equal(MergeOutcome.SameCluster, await store.MergeClustersAsync(project, project));
        Assert.Equal(MergeOutcome.NotFound, await store.MergeClustersAsync(project, 12345));
        Assert.NotNull(await store.GetClusterAsync(task));
    }

    [Fact]
    public async Task golden_records_and_last_synchronized_values_are_kept_per_cluster_and_member()
    {
        var store = await OpenAsync();
        var cluster = await store.CreateClusterAsync("task");
        var key = new MemberKey(AsanaTask, "a1", "task");
        await store.AddMemberAsync(cluster, key, JoinedBy.Match);
        Time.Advance(TimeSpan.FromMinutes(3));

        await using (var writer = await store.BeginWriteAsync())
        {
            Assert.True(await writer.SetGoldenRecordAsync(cluster, "{\"title\":{\"value\":\"Write spec\"}}"));
            Assert.True(await writer.SetSyncedValuesAsync(key, "{\"title\":\"Write spec\"}"));
            Assert.False(await writer.SetSyncedValuesAsync(key with { RecordId = "nope" }, "{}"));
            Assert.False(await writer.SetGoldenRecordAsync(777, "{}"));
            await Assert.ThrowsAsync<ArgumentException>(() => writer.SetSyncedValuesAsync(key, "{not json"));
            await writer.CommitAsync();
        }

        var stored = await store.GetClusterAsync(cluster);
        Assert.Equal("{\"title\":{\"value\":\"Write spec\"}}", stored!.GoldenRecord);
        Assert.Equal(Time.GetUtcNow(), stored.UpdatedAt);
        Assert.True(stored.UpdatedAt > stored.CreatedAt);
        Assert.Equal("{\"title\":\"Write spec\"}", Assert.Single(stored.Members).SyncedValues);
    }
}
