namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Which fields each resource type shows: the compact representation listings answer with, and the [Opt In] fields
/// a full record leaves out until opt_fields names them (per Asana's OpenAPI document).
/// </summary>
internal static class Representations
{
    private static readonly string[] NamedCompact = ["gid", "resource_type", "name"];
    private static readonly string[] TaskCompact = ["gid", "resource_type", "name", "resource_subtype", "created_by"];
    private static readonly string[] WebhookCompact = ["gid", "resource_type", "active", "resource", "target"];
    private static readonly string[] MembershipCompact = ["gid", "resource_type", "user", "team", "is_guest"];

    /// <summary>The compact representation's fields.</summary>
    public static IReadOnlyList<string> Compact(string resourceType) => resourceType switch
    {
        ResourceTypes.Task => TaskCompact,
        ResourceTypes.Webhook => WebhookCompact,
        ResourceTypes.TeamMembership => MembershipCompact,
        _ => NamedCompact,
    };

    /// <summary>Whether a full record leaves <paramref name="field"/> out unless asked for.</summary>
    public static bool IsOptIn(string resourceType, string field) => (resourceType, field) switch
    {
        (ResourceTypes.Team, "description" or "html_description") => true,
        (ResourceTypes.Project, "html_notes") => true,
        (ResourceTypes.Task, "html_notes" or "num_subtasks" or "dependencies" or "dependents") => true,
        _ => false,
    };
}
