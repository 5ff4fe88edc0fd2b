using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>An emulator restarted from its snapshot goes on as the same Custompms: records, ids, change log, idempotency keys.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly CustompmsFixture _before = new();
    private CustompmsFixture? _after;

    public Task InitializeAsync() => _before.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _before.DisposeAsync();
        if (_after is not null)
        {
            await _after.DisposeAsync();
        }
    }

    [Fact]
    public async Task a_restarted_emulator_answers_as_before_and_continues_its_ids_change_log_and_idempotency_keys()
    {
        var api = _before.Api;
        var head = (long)(await api.CallGetAsync("changes")).Body["lastSeq"]!;
        _before.Time.Advance(TimeSpan.FromSeconds(1));
        var first = await api.CallPostAsync("customers", Sample.Customer("Før omstart AS"), ("Idempotency-Key", "k-1"));
        Assert.Equal(201, first.Status);
        var project = await api.CallPostAsync("projects", Sample.Project((string)first.Body["id"]!));
        Assert.Equal(201, project.Status);
        var task = await Sample.FirstAsync(api, "tasks");
        Assert.Equal(200, (await api.CallPutAsync($"tasks/{task["id"]}", new JsonObject { ["projectId"] = task["projectId"]!.DeepClone(), ["title"] = "Ny tittel" })).Status);
        Assert.Equal(204, (await api.CallDeleteAsync($"tasks/{task["id"]}")).Status);

        _after = await _before.RestartAsync();
        var again = _after.Api;

        foreach (var path in new[] { "customers?perPage=100", "projects?perPage=100", "tasks?perPage=100", $"changes?since={head}" })
        {
            var before = await api.CallGetAsync(path);
            Assert.True(before.Status == 200, before.Text);
            Assert.Equal(before.Text, (await again.CallGetAsync(path)).Text);
        }
        Assert.Equal(4, ((JsonArray)(await again.CallGetAsync($"changes?since={head}")).Body["changes"]!).Count);
        Assert.Equal(first.Text, (await again.CallPostAsync("customers", Sample.Customer("Før omstart AS"), ("Idempotency-Key", "k-1"))).Text);

        // The next create gets the id and key the first emulator would give, and its change the next sequence number.
        var next = await again.CallPostAsync("projects", Sample.Project((string)first.Body["id"]!, "Etter omstart"));
        Assert.Equal(201, next.Status);
        Assert.NotEqual((string)project.Body["key"]!, (string)next.Body["key"]!);
        var changes = (JsonArray)(await again.CallGetAsync($"changes?since={head + 4}")).Body["changes"]!;
        Assert.Equal(head + 5, (long)Assert.Single(changes)!["seq"]!);
        var same = await api.CallPostAsync("projects", Sample.Project((string)first.Body["id"]!, "Etter omstart"));
        Assert.Equal(next.Body["id"]!.ToJsonString(), same.Body["id"]!.ToJsonString());
        Assert.Equal(next.Body["key"]!.ToJsonString(), same.Body["key"]!.ToJsonString());
    }
}
