using System.Globalization;
using System.Text;

namespace Tolk.Tidsbanken.Internal;

/// <summary>OData literals and query strings as the API parses them.</summary>
internal static class ODataQuery
{
    /// <summary>A date-time literal in UTC with milliseconds, the precision the API reports.</summary>
    public static string Literal(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A key literal: the integer for Ansatt, a quoted string (quotes doubled) otherwise.</summary>
    public static string KeyLiteral(EntityType type, string id) =>
        type.IntegerKey ? id : Text(id);

    /// <summary>A quoted string literal.</summary>
    public static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Builds <c>path?$a=..&amp;$b=..</c>, escaping every value; null values are left out.</summary>
    public static string Build(string path, params (string Name, string? Value)[] options)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in options.Where(o => o.Value is not null))
        {
            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value!));
            separator = '&';
        }
        return builder.ToString();
    }

    /// <summary>Whether an id can be a key of the type (Ansatt keys are positive integers).</summary>
    public static bool IsKey(EntityType type, string id) =>
        !string.IsNullOrWhiteSpace(id) && (!type.IntegerKey || int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _));
}
