using System.Text.Json.Nodes;
using Tolk.Crmoffice.Emulator.Internal;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class TimeZoneTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("2026-01-05T09:00:00Z", "2026-01-05T10:00:00+01:00")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29T01:59:59+01:00")]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00")]
    [InlineData("2026-07-01T12:00:00.999Z", "2026-07-01T14:00:00+02:00")]
    [InlineData("2026-10-25T00:59:59Z", "2026-10-25T02:59:59+02:00")]
    [InlineData("2026-10-25T01:00:00Z", "2026-10-25T02:00:00+01:00")]
    public void instants_are_written_with_the_oslo_offset_of_their_season_never_z(string instant, string expected) =>
        Assert.Equal(expected, CrmTime.Format(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void the_machine_has_the_real_oslo_zone_rather_than_the_fallback() =>
        Assert.Equal("Europe/Oslo", TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo").Id);

    [Fact]
    public async Task a_write_in_summer_is_stamped_plus_two_hours()
    {
        fixture.Time.SetUtcNow(new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero));
        await fixture.Api.AuthorizeAsync();
        var body = (await fixture.Api.PostAsync("companies", new JsonObject { ["name"] = "Sommer AS" })).Body!;
        Assert.Equal("2026-07-01T10:30:00+02:00", (string?)body["createdAt"]);
        Assert.Equal("2026-07-01T10:30:00+02:00", (string?)body["updatedAt"]);
    }
}
