namespace Tolk.Sync.Conversion;

/// <summary>Time zones by IANA id, and the conversions between instants and local times that the mappings need.</summary>
public static class TimeZones
{
    /// <summary>The id of Norway's zone, the one Crmoffice's offsets belong to.</summary>
    public const string OsloId = "Europe/Oslo";

    private static readonly Lazy<TimeZoneInfo> OsloZone = new(() => Find(OsloId)!);

    /// <summary>Europe/Oslo (+01:00 in winter, +02:00 in summer).</summary>
    public static TimeZoneInfo Oslo => OsloZone.Value;

    /// <summary>The zone with that IANA id, or null when there is none.</summary>
    public static TimeZoneInfo? Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A host without tzdata (a slim container) still knows Oslo: the EU rule has held since 1996.
            return id == OsloId ? OsloFallback() : null;
        }
    }

    /// <summary>
    /// The instant a local time denotes in the zone. A time skipped by the spring change (02:30 in Oslo on the last
    /// Sunday of March) moves forward by the gap (03:30); a time that occurs twice in autumn is the first occurrence,
    /// at the summer offset.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var offset = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, offset).ToOffset(zone.GetUtcOffset(new DateTimeOffset(local, offset)));
        }

        if (zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The instant with the offset the zone has at that instant.</summary>
    public static DateTimeOffset ToZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    // Internal so that a test can hold it against the tz database.
    internal static TimeZoneInfo OsloFallback()
    {
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone(OsloId, TimeSpan.FromHours(1), OsloId, "CET", "CEST", [rule]);
    }
}
