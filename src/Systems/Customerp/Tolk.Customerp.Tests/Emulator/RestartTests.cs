using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

/// <summary>An emulator restarted from its snapshot goes on as the same Customerp: records, ids, cursors, idempotency, webhooks.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private const string Secret = "restart-secret-0123456789";
    private readonly CustomerpFixture _before = new();
    private CustomerpFixture? _after;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await _before.InitializeAsync();
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
    public async Task a_restarted_emulator_answers_as_before_and_continues_its_ids_cursors_idempotency_keys_and_webhooks()
    {
        var api = _before.Api;
        var cursor = (string)(await api.CallGetAsync("contacts?limit=2")).Body["next_cursor"]!;
        var body = Records.Valid("customers");
        var first = await api.CallPostAsync("customers", body, ("Idempotency-Key", "k-1"));
        Assert.Equal(201, first.Status);
        Assert.Equal(200, (await api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Tromsø" })).Status);
        Assert.Equal(204, (await api.CallDeleteAsync("products/1")).Status);
        Assert.Equal(201, (await api.CallPostAsync("webhooks", new JsonObject
        {
            ["url"] = _receiver.Url.ToString(), ["events"] = new JsonArray("customer.*"), ["secret"] = Secret,
        })).Status);
        Assert.True(await _before.Emulator.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(10)));
        _receiver.Received.Clear();

        _after = await _before.RestartAsync();
        var again = _after.Api;

        foreach (var path in new[] { "customers?limit=100", "products?limit=100&include_deleted=true", "webhooks", $"contacts?cursor={Uri.EscapeDataString(cursor)}" })
        {
            var before = await api.CallGetAsync(path);
            Assert.Equal(200, before.Status);
            Assert.Equal(before.Text, (await again.CallGetAsync(path)).Text);
        }
        // A retried create with the key used before the restart is answered with the first response, not made again.
        Assert.Equal(first.Text, (await again.CallPostAsync("customers", body, ("Idempotency-Key", "k-1"))).Text);

        var next = await again.CallPostAsync("customers", Records.Valid("customers"));
        Assert.True((int)next.Body["id"]! > (int)first.Body["id"]!);
        Assert.True(await _after.Emulator.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(10)));
        var delivery = Assert.Single(_receiver.Received);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), delivery.Body)),
            delivery.Headers["X-Customerp-Signature"]);
        Assert.Equal((int)next.Body["id"]!, (int)JsonNode.Parse(delivery.Body)!["data"]!["id"]!);
        Assert.Equal((int)next.Body["id"]!, (int)(await api.CallPostAsync("customers", Records.Valid("customers"))).Body["id"]!);
    }
}
