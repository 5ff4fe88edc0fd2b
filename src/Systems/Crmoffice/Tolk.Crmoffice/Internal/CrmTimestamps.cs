using System.Globalization;
using System.Text.RegularExpressions;

namespace Tolk.Crmoffice.Internal;

/// <summary>
/// Crmoffice's timestamps carry the tenant's offset (+01:00 or +02:00), so they are compared as instants, never as
/// strings, and sent back in UTC-independent ISO 8601 with the offset encoded.
/// </summary>
internal static partial class CrmTimestamps
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null && Iso().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>An instant as <c>updatedAfter</c> takes it (whole seconds, explicit offset).</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
