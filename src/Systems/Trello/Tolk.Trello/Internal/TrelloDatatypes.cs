using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>The shape a field of a Trello record must have for the connector to pass it on.</summary>
internal enum FieldShape
{
    /// <summary>A string or null (or absent).</summary>
    Text,
    /// <summary>A string.</summary>
    RequiredText,
    /// <summary>true, false or null.</summary>
    Flag,
    /// <summary>A 24-hex-digit Trello id.</summary>
    Id,
    /// <summary>A list of 24-hex-digit ids, or null.</summary>
    IdList,
    /// <summary>An ISO 8601 date-time or null.</summary>
    Timestamp,
    /// <summary>An ISO 8601 date-time.</summary>
    RequiredTimestamp,
    /// <summary>A JSON object.</summary>
    Object,
}

/// <summary>One datatype the connector serves: its capabilities, how changes are found, the fields it checks and those it may write.</summary>
internal sealed record TrelloDatatype(string Name, Capabilities Capabilities, string ChangeMechanism,
    IReadOnlyDictionary<string, FieldShape> Fields, IReadOnlyList<string> Writable);

/// <summary>The datatypes the dataflows use (<c>config/systems/trello.yaml</c>).</summary>
internal static class TrelloDatatypes
{
    public const string Member = "member";
    public const string Organization = "organization";
    public const string Action = "action";

    public static readonly TrelloDatatype MemberType = new(Member, Capabilities.Update | Capabilities.Webhooks,
        "members of every workspace of the token's member (and of its boards outside them) listed through GET /batch and "
        + "compared with the fingerprints in the cursor; members no longer listed arrive as deleted; webhooks as hints",
        Shapes(("username", FieldShape.RequiredText), ("fullName", FieldShape.RequiredText), ("initials", FieldShape.Text),
            ("bio", FieldShape.Text), ("email", FieldShape.Text), ("avatarUrl", FieldShape.Text), ("confirmed", FieldShape.Flag),
            ("memberType", FieldShape.Text), ("idOrganizations", FieldShape.IdList), ("idBoards", FieldShape.IdList), ("url", FieldShape.Text)),
        ["fullName", "initials", "username", "bio"]);

    public static readonly TrelloDatatype OrganizationType = new(Organization,
        Capabilities.Create | Capabilities.Update | Capabilities.Delete | Capabilities.Webhooks,
        "GET /members/me/organizations?filter=all compared with the fingerprints in the cursor (Trello has no change feed for "
        + "workspaces); workspaces no longer listed arrive as deleted; webhooks on each workspace as hints",
        Shapes(("name", FieldShape.RequiredText), ("displayName", FieldShape.RequiredText), ("desc", FieldShape.Text),
            ("website", FieldShape.Text), ("url", FieldShape.Text), ("idBoards", FieldShape.IdList), ("dateLastActivity", FieldShape.Timestamp)),
        ["name", "displayName", "desc", "website"]);

    public static readonly TrelloDatatype ActionType = new(Action, Capabilities.Create | Capabilities.Update | Capabilities.Delete | Capabilities.Webhooks,
        "the comments (commentCard actions) of the configured card: GET /cards/{id}/actions with since = the newest action "
        + "read, paged with before; updateComment re-reads the comment, deleteComment arrives as deleted; webhooks as hints",
        Shapes(("idMemberCreator", FieldShape.Id), ("type", FieldShape.RequiredText), ("date", FieldShape.RequiredTimestamp),
            ("data", FieldShape.Object)),
        ["text"]);

    public static IReadOnlyList<TrelloDatatype> All { get; } = [MemberType, OrganizationType, ActionType];

    /// <summary>The datatype called <paramref name="name"/>, or null for one Trello's connector does not serve.</summary>
    public static TrelloDatatype? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    private static Dictionary<string, FieldShape> Shapes(params (string Name, FieldShape Shape)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Shape, StringComparer.Ordinal);
}
