using System.Net;

namespace Tolk.Tidsbanken.Tests.Emulator;

/// <summary>An emulator restarted from its snapshot goes on as the same Tidsbanken: records, change times and PostIds.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly TidsbankenFixture _before = new();
    private TidsbankenFixture? _after;

    public async Task InitializeAsync()
    {
        await _before.InitializeAsync();
        await _before.Server.Admin.SetSettingsAsync(new System.Text.Json.Nodes.JsonObject { ["rateLimit"] = 1_000_000 });
    }

    public async Task DisposeAsync()
    {
        await _before.DisposeAsync();
        if (_after is not null)
        {
            await _after.DisposeAsync();
        }
    }

    [Fact]
    public async Task a_restarted_emulator_answers_as_before_and_continues_its_post_ids()
    {
        var since = _before.Now;
        _before.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await _before.PostAsync("prosjekt/Kunde", """[{"Id":"K2001","Navn":"Fjordlys AS"}]""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await _before.PostAsync("prosjekt/Prosjekt", """[{"Id":"P-5001","Navn":"Skyflytting","KundeId":"K2001"}]""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _before.PutAsync("ansatt/ansatt", """[{"Id":102,"Sluttet":true,"Aktiv":false,"SluttetDato":"2025-12-31"}]""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await _before.PostAsync("prosjekt/Kunde", """[{"Id":"K2002","Navn":"Kortvarig AS"}]""")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await _before.SendAsync(HttpMethod.Delete, "prosjekt/Kunde('K2002')")).Status);

        _after = await _before.RestartAsync();
        // Settings are the emulator's configuration, not its state: a restart starts from the defaults.
        await _after.Server.Admin.SetSettingsAsync(new System.Text.Json.Nodes.JsonObject { ["rateLimit"] = 1_000_000 });

        foreach (var path in new[] { "prosjekt/Kunde", "prosjekt/Prosjekt", "ansatt/ansatt", $"prosjekt/Kunde?$filter=SistEndretDato gt {since}" })
        {
            // The answers name their host in @odata.context; the values are what must be the same.
            Assert.Equal(Values(await _before.GetAsync(path)), Values(await _after.GetAsync(path)));
        }
        var next = await _after.PostAsync("prosjekt/Prosjekt", """[{"Id":"P-5002","Navn":"Kundeportal"}]""");
        var again = await _before.PostAsync("prosjekt/Prosjekt", """[{"Id":"P-5002","Navn":"Kundeportal"}]""");
        Assert.Equal((int)Assert.Single(again.Values)["PostId"]!, (int)Assert.Single(next.Values)["PostId"]!);
        Assert.True((int)next.Values[0]["PostId"]! > 2);
    }

    private static string Values(ApiResult result) => new System.Text.Json.Nodes.JsonArray([.. result.Values.Select(v => v.DeepClone())]).ToJsonString();
}
