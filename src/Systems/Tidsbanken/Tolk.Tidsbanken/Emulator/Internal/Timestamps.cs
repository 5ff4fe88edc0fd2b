using System.Globalization;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>How Tidsbanken writes <c>SistEndretDato</c> and <c>OpprettetDato</c>: UTC with milliseconds and a Z.</summary>
internal static class Timestamps
{
    // Fractional seconds are always written: the public connector parses the value with "%Y-%m-%dT%H:%M:%S.%f%z".
    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
