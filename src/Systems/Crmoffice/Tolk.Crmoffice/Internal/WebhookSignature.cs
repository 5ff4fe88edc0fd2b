using System.Globalization;

namespace Tolk.Crmoffice.Internal;

/// <summary>Reads <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>.</summary>
internal static class WebhookSignature
{
    public static (long T, string V1)? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }
        long? t = null;
        string? v1 = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                t = seconds;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                v1 = part[3..];
            }
        }
        return t is { } ts && v1 is { Length: > 0 } ? (ts, v1) : null;
    }
}
