namespace Tolk.Customerp.Emulator.Internal;

/// <summary>Customerp's strong entity tags: the record's version in quotes.</summary>
internal static class EntityTag
{
    public static string Of(int version) => $"\"{version}\"";

    /// <summary>
    /// Whether an <c>If-Match</c> header lets a write of a record at <paramref name="version"/> go ahead: <c>*</c> or any
    /// listed strong tag equal to the version. Weak tags never match (If-Match compares strongly, RFC 9110 13.1.1), and
    /// neither does anything that is not a quoted tag.
    /// </summary>
    public static bool Matches(string header, int version)
    {
        var expected = Of(version);
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "*" || part == expected)
            {
                return true;
            }
        }
        return false;
    }
}
