using System.Globalization;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Gids as Asana has them: opaque strings of 16 digits. Each type has its own block (1201… workspaces, 1205… tasks)
/// so ids stay stable for a seed and every list sorted by gid is also sorted by creation.
/// </summary>
internal sealed class Gids
{
    private const long Base = 1_200_000_000_000_000;
    private const long Block = 1_000_000_000_000;
    private readonly Dictionary<string, long> _next = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The gid of the <paramref name="index"/>-th record of <paramref name="resourceType"/>.</summary>
    public static string For(string resourceType, long index) =>
        (Base + Offset(resourceType) * Block + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the text is shaped like a gid (digits only).</summary>
    public static bool IsWellFormed(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 19 && text.All(char.IsAsciiDigit);

    /// <summary>Hands out the next gid of a type; seeding sets where each type starts.</summary>
    public string Next(string resourceType)
    {
        lock (_gate)
        {
            var index = _next.GetValueOrDefault(resourceType);
            _next[resourceType] = index + 1;
            return For(resourceType, index);
        }
    }

    /// <summary>The next index of every type handed out so far, for a snapshot.</summary>
    public IReadOnlyDictionary<string, long> Counters()
    {
        lock (_gate) { return new Dictionary<string, long>(_next, StringComparer.Ordinal); }
    }

    /// <summary>Sets the counters from a snapshot; each type continues at least past <paramref name="highest"/> of its records.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, long>> counters, IReadOnlyDictionary<string, long> highest)
    {
        lock (_gate)
        {
            _next.Clear();
            foreach (var (type, next) in counters)
            {
                _next[type] = next;
            }
            foreach (var (type, index) in highest)
            {
                _next[type] = Math.Max(_next.GetValueOrDefault(type), index + 1);
            }
        }
    }

    /// <summary>The index of a gid within its type's block, or null for a gid of another shape.</summary>
    public static long? IndexOf(string resourceType, string gid)
    {
        if (!long.TryParse(gid, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }
        var index = n - Base - Offset(resourceType) * Block;
        return index is >= 0 and < Block ? index : null;
    }

    /// <summary>Forgets every counter (before a reseed).</summary>
    public void Reset()
    {
        lock (_gate) { _next.Clear(); }
    }

    private static long Offset(string resourceType) => resourceType switch
    {
        ResourceTypes.Workspace => 1,
        ResourceTypes.Team => 2,
        ResourceTypes.User => 3,
        ResourceTypes.Project => 4,
        ResourceTypes.Task => 5,
        ResourceTypes.Section => 6,
        ResourceTypes.Webhook => 7,
        ResourceTypes.TeamMembership => 8,
        _ => 9,
    };
}

/// <summary>Asana's resource_type values and the emulator's collection of each.</summary>
internal static class ResourceTypes
{
    public const string Workspace = "workspace";
    public const string Team = "team";
    public const string User = "user";
    public const string Project = "project";
    public const string Task = "task";
    public const string Section = "section";
    public const string Webhook = "webhook";
    public const string TeamMembership = "team_membership";

    /// <summary>The collection that stores records of <paramref name="resourceType"/>, or null.</summary>
    public static string? Collection(string? resourceType) => resourceType switch
    {
        Workspace => Collections.Workspaces,
        Team => Collections.Teams,
        User => Collections.Users,
        Project => Collections.Projects,
        Task => Collections.Tasks,
        Section => Collections.Sections,
        Webhook => Collections.Webhooks,
        TeamMembership => Collections.TeamMemberships,
        _ => null,
    };

    /// <summary>The resource type stored in <paramref name="collection"/>, or null.</summary>
    public static string? OfCollection(string collection) => collection switch
    {
        Collections.Workspaces => Workspace,
        Collections.Teams => Team,
        Collections.Users => User,
        Collections.Projects => Project,
        Collections.Tasks => Task,
        Collections.Sections => Section,
        Collections.Webhooks => Webhook,
        Collections.TeamMemberships => TeamMembership,
        _ => null,
    };
}

/// <summary>The emulator's collection names, after the API's own collections.</summary>
internal static class Collections
{
    public const string Workspaces = "workspaces";
    public const string Teams = "teams";
    public const string Users = "users";
    public const string Projects = "projects";
    public const string Tasks = "tasks";
    public const string Sections = "sections";
    public const string Webhooks = "webhooks";
    public const string TeamMemberships = "team_memberships";
}
