namespace Tolk.Asana.Tests.Emulator;

/// <summary>
/// A task's parent and followers changed through <c>setParent</c>, <c>addFollowers</c> and <c>removeFollowers</c>,
/// which Asana's official Node client calls and the emulator first answered with "No matching route".
/// </summary>
public sealed class TaskLinkTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Project = "1204000000000000";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task set_parent_moves_a_task_under_another_and_back_out()
    {
        var (parent, child) = await TwoTasksAsync();
        var moved = (await fixture.Api.PostAsync($"tasks/{child}/setParent?opt_fields=parent", AsanaClient.Data(new { parent }))).AssertOk().Data!;
        Assert.Equal(parent, (string?)moved["parent"]!["gid"]);
        Assert.Equal(1, (int)(await fixture.Api.GetAsync($"tasks/{parent}?opt_fields=num_subtasks")).AssertOk().Data!["num_subtasks"]!);
        Assert.Equal([child], (await fixture.Api.GetAsync($"tasks/{parent}/subtasks")).AssertOk().DataArray.Select(t => (string?)t!["gid"]));
        var freed = (await fixture.Api.PostAsync($"tasks/{child}/setParent?opt_fields=parent", """{"data":{"parent":null}}""")).AssertOk().Data!;
        Assert.Null(freed["parent"]);
        Assert.Equal(0, (int)(await fixture.Api.GetAsync($"tasks/{parent}?opt_fields=num_subtasks")).AssertOk().Data!["num_subtasks"]!);
    }

    [Fact]
    public async Task set_parent_needs_a_parent_and_refuses_a_cycle()
    {
        var (parent, child) = await TwoTasksAsync();
        (await fixture.Api.PostAsync($"tasks/{child}/setParent", """{"data":{}}""")).AssertError(400, "parent: Missing input");
        (await fixture.Api.PostAsync($"tasks/{child}/setParent", AsanaClient.Data(new { parent = child }))).AssertError(400, "parent: A task cannot be its own ancestor");
        (await fixture.Api.PostAsync($"tasks/{child}/setParent", AsanaClient.Data(new { parent }))).AssertOk();
        (await fixture.Api.PostAsync($"tasks/{parent}/setParent", AsanaClient.Data(new { parent = child }))).AssertError(400, "parent: A task cannot be its own ancestor");
        (await fixture.Api.PostAsync($"tasks/{child}/setParent", """{"data":{"parent":"1205999999999999"}}""")).AssertError(400, "parent: Unknown object: 1205999999999999");
    }

    [Fact]
    public async Task followers_are_added_by_alias_and_removed()
    {
        var (task, _) = await TwoTasksAsync();
        var me = (string)(await fixture.Api.GetAsync("users/me")).AssertOk().Data!["gid"]!;
        var added = (await fixture.Api.PostAsync($"tasks/{task}/addFollowers?opt_fields=followers", AsanaClient.Data(new { followers = new[] { "me" } }))).AssertOk().Data!;
        Assert.Contains(me, added["followers"]!.AsArray().Select(f => (string?)f!["gid"]));
        var again = (await fixture.Api.PostAsync($"tasks/{task}/addFollowers?opt_fields=followers", AsanaClient.Data(new { followers = new[] { me } }))).AssertOk().Data!;
        Assert.Single(again["followers"]!.AsArray(), f => (string?)f!["gid"] == me);
        var removed = (await fixture.Api.PostAsync($"tasks/{task}/removeFollowers?opt_fields=followers", AsanaClient.Data(new { followers = new[] { me } }))).AssertOk().Data!;
        Assert.DoesNotContain(me, removed["followers"]!.AsArray().Select(f => (string?)f!["gid"]));
        (await fixture.Api.PostAsync($"tasks/{task}/addFollowers", """{"data":{}}""")).AssertError(400, "followers: Missing input");
    }

    private async Task<(string First, string Second)> TwoTasksAsync()
    {
        var first = (string)(await fixture.Api.PostAsync("tasks", AsanaClient.Data(new { name = "Forelder", projects = new[] { Project } }))).AssertOk(201).Data!["gid"]!;
        var second = (string)(await fixture.Api.PostAsync("tasks", AsanaClient.Data(new { name = "Barn", projects = new[] { Project } }))).AssertOk(201).Data!["gid"]!;
        return (first, second);
    }
}
