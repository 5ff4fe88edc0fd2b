using System.Globalization;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>Asana's timestamp form: UTC with milliseconds, <c>2012-02-22T02:06:58.147Z</c>.</summary>
internal static class Stamps
{
    /// <summary>The instant as Asana writes it.</summary>
    public static string Format(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a stored or sent timestamp; null when it is not one.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
