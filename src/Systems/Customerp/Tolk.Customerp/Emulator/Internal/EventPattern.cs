namespace Tolk.Customerp.Emulator.Internal;

/// <summary>
/// A webhook subscription's event filter: an event type (<c>customer.updated</c>) or a wildcard over either part
/// (<c>customer.*</c>, <c>*.deleted</c>), or <c>*</c> for everything.
/// </summary>
internal static class EventPattern
{
    public static readonly IReadOnlyList<string> Objects = ["customer", "contact", "employee", "project", "product"];

    public static readonly IReadOnlyList<string> Actions = ["created", "updated", "deleted"];

    public static bool IsValid(string pattern)
    {
        if (pattern == "*")
        {
            return true;
        }
        var parts = pattern.Split('.');
        return parts.Length == 2
            && (parts[0] == "*" || Objects.Contains(parts[0]))
            && (parts[1] == "*" || Actions.Contains(parts[1]));
    }

    public static bool Matches(string pattern, string type)
    {
        if (pattern == "*" || pattern == type)
        {
            return true;
        }
        var p = pattern.Split('.');
        var t = type.Split('.');
        return p.Length == 2 && t.Length == 2 && (p[0] == "*" || p[0] == t[0]) && (p[1] == "*" || p[1] == t[1]);
    }
}
