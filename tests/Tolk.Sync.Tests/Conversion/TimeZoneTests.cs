using Tolk.Sync.Conversion;

namespace Tolk.Sync.Tests.Conversion;

public sealed class TimeZoneTests
{
    [Fact]
    public void oslo_is_one_hour_ahead_in_winter_and_two_in_summer()
    {
        Assert.Equal(TimeSpan.FromHours(1), TimeZones.Oslo.GetUtcOffset(new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(2), TimeZones.Oslo.GetUtcOffset(new DateTimeOffset(2024, 7, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void the_fallback_rule_agrees_with_the_tz_database_every_hour_around_every_change_from_1997_to_2040()
    {
        var fallback = TimeZones.OsloFallback();
        for (var year = 1997; year <= 2040; year++)
        {
            foreach (var month in new[] { 3, 10 })
            {
                var start = new DateTimeOffset(year, month, 24, 0, 0, 0, TimeSpan.Zero);
                for (var hour = 0; hour < 9 * 24; hour++)
                {
                    var instant = start.AddHours(hour).AddMinutes(30);
                    Assert.Equal(TimeZones.Oslo.GetUtcOffset(instant), fallback.GetUtcOffset(instant));
                }
            }
        }
    }

    [Fact]
    public void an_unknown_zone_is_not_found() => Assert.Null(TimeZones.Find("Europe/Atlantis"));

    [Fact]
    public void a_local_time_in_the_spring_gap_moves_forward_by_the_gap() =>
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 3, 30, 0, TimeSpan.FromHours(2)), TimeZones.FromLocal(new DateTime(2024, 3, 31, 2, 30, 0), TimeZones.Oslo));

    [Fact]
    public void a_local_time_that_occurs_twice_in_autumn_is_the_first_occurrence() =>
        Assert.Equal(TimeSpan.FromHours(2), TimeZones.FromLocal(new DateTime(2024, 10, 27, 2, 30, 0), TimeZones.Oslo).Offset);
}
