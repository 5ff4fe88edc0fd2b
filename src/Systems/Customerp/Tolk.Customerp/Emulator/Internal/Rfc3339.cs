using System.Globalization;
using System.Text.RegularExpressions;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>Customerp's timestamps: RFC 3339 in UTC with milliseconds out, any RFC 3339 offset in.</summary>
internal static partial class Rfc3339
{
    private const string OutFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Drops sub-millisecond ticks, so that the order of stored times is the order of the written ones.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static string Format(DateTimeOffset time) => Truncate(time).ToString(OutFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a time the emulator wrote itself.</summary>
    public static DateTimeOffset ParseStored(string text) =>
        DateTimeOffset.ParseExact(text, OutFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Parses a client's RFC 3339 date-time; the offset (Z or ±hh:mm) is required.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }
        var normalized = text.ToUpperInvariant();
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
