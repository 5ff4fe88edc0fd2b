using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Asana.Emulator;
using Tolk.Connectors.Compliance;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Emulator;

/// <summary>An emulator restarted from its snapshot goes on as the same Asana: records, gids, sync tokens, webhooks, trash.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private const string Project = "1204000000000000";
    private const string Demo = "1201000000000000";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private RunningEmulator _before = null!;
    private RunningEmulator? _after;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _before = await EmulatorServer.StartAsync(ctx => new AsanaEmulator(ctx), new EmulatorServerOptions { Time = _time, Sample = SampleOptions.Small });
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _before.DisposeAsync();
        if (_after is not null)
        {
            await _after.DisposeAsync();
        }
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task a_restarted_emulator_answers_as_before_and_continues_its_gids_sync_tokens_webhooks_and_trash()
    {
        using var api = new AsanaClient(_before.BaseUrl, AsanaEmulator.PersonalAccessToken);
        var sync = (string)(await api.GetAsync($"events?resource={Project}")).Json!["sync"]!;
        _time.Advance(TimeSpan.FromMinutes(1));
        var created = (string)(await api.PostAsync("tasks", AsanaClient.Data(new { name = "Laget før omstart", projects = new[] { Project } })))
            .AssertOk(201).Data!["gid"]!;
        var tasks = (await api.GetAsync($"tasks?project={Project}")).AssertOk().DataArray.Select(t => (string)t!["gid"]!).ToList();
        (await api.PutAsync($"tasks/{tasks[0]}", AsanaClient.Data(new { name = "Omdøpt før omstart" }))).AssertOk();
        (await api.DeleteAsync($"tasks/{tasks[1]}")).AssertOk();
        (await api.PostAsync("webhooks", AsanaClient.Data(new { resource = Project, target = _receiver.Url.ToString() }))).AssertOk(201);
        var secret = Assert.Single(_receiver.Handshakes)["X-Hook-Secret"];

        _after = await EmulatorRestart.RestartAsync(_before, ctx => new AsanaEmulator(ctx), _time);
        using var again = new AsanaClient(_after.BaseUrl, AsanaEmulator.PersonalAccessToken);

        foreach (var path in new[] { $"tasks?project={Project}&opt_fields=name,modified_at,memberships.section", $"tasks/{created}", $"webhooks?workspace={Demo}", "users?workspace=" + Demo })
        {
            Assert.Equal((await api.GetAsync(path)).AssertOk().Text, (await again.GetAsync(path)).AssertOk().Text);
        }
        // The token handed out before the restart still reads the changes made before it: created, changed, deleted.
        var events = (await again.GetAsync($"events?resource={Project}&sync={sync}")).AssertOk().DataArray;
        Assert.Equal((await api.GetAsync($"events?resource={Project}&sync={sync}")).AssertOk().DataArray.ToJsonString(), events.ToJsonString());
        Assert.Contains(events, e => (string?)e!["action"] == "deleted" && (string?)e["resource"]!["gid"] == tasks[1]);

        // The next gid is the one the first emulator hands out too, past every gid handed out before.
        var next = (string)(await again.PostAsync("tasks", AsanaClient.Data(new { name = "Laget etter omstart", projects = new[] { Project } })))
            .AssertOk(201).Data!["gid"]!;
        Assert.True(long.Parse(next, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(created, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await _after.Emulator.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(10)));
        var (body, headers) = Assert.Single(_receiver.Deliveries);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)), headers["X-Hook-Signature"]);
        Assert.Contains(next, Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(next, (string)(await api.PostAsync("tasks", AsanaClient.Data(new { name = "Laget etter omstart", projects = new[] { Project } })))
            .AssertOk(201).Data!["gid"]!);

        // The trash came along: the task deleted before the restart can be restored after it.
        var restored = await _after.Admin.CreateAsync("tasks", new JsonObject { ["gid"] = tasks[1] });
        Assert.Equal(tasks[1], (string?)restored["gid"]);
    }
}
