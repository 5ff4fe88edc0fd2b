using System.Globalization;
using System.Text.RegularExpressions;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>Crmoffice's timestamps: ISO 8601 in the tenant's zone (Europe/Oslo, +01:00 or +02:00), whole seconds, never Z.</summary>
internal static partial class CrmTime
{
    private static readonly TimeZoneInfo Zone = LoadZone();

    /// <summary>The instant as Crmoffice writes it, e.g. <c>2026-01-05T10:00:00+01:00</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(Truncate(instant), Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time on a date in the tenant's zone, formatted.</summary>
    public static string FormatLocal(DateOnly date, int hour, int minute = 0)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return Format(new DateTimeOffset(local, Zone.GetUtcOffset(local)));
    }

    /// <summary>The instant without its fraction of a second, as Crmoffice stores it.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>Parses an ISO 8601 date-time that carries an offset (or Z); false for dates, local times and anything else.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null && IsoDateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>Reads a stored timestamp (always written by <see cref="Format"/>).</summary>
    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    // The machine's tzdata is the source of truth; the fallback (EU summer time rules) only guards a host without it.
    private static TimeZoneInfo LoadZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(CrmofficeAssumptions.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone(CrmofficeAssumptions.TimeZone, TimeSpan.FromHours(1), "Europe/Oslo", "CET", "CEST", [rule]);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();
}
