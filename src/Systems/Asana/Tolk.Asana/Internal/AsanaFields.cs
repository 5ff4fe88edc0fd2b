using Tolk.Connectors;
using static Tolk.Asana.Internal.FieldKind;

namespace Tolk.Asana.Internal;

/// <summary>The fields the connector asks Asana for, per datatype, with the shape each must have (from Asana's OpenAPI document).</summary>
internal static class AsanaFields
{
    // Asana's webhooks name every datatype's records, and each can be read by gid.
    private const Capabilities Webhooks = Capabilities.Webhooks | Capabilities.ReadById;

    /// <summary>Name, path, capabilities and fields of each datatype.</summary>
    public static IReadOnlyList<(string Name, string Path, Capabilities Capabilities, IReadOnlyDictionary<string, FieldKind> Fields)> Schemas { get; } =
    [
        ("workspace", "workspaces", Capabilities.Update | Webhooks, Of(
            ("resource_type", Text), ("name", Text), ("email_domains", Texts), ("is_organization", Flag))),
        ("team", "teams", Capabilities.Create | Capabilities.Update | Webhooks, Of(
            ("resource_type", Text), ("name", Text), ("description", Text), ("html_description", Text), ("organization", Reference),
            ("permalink_url", Text), ("visibility", Text))),
        ("user", "users", Capabilities.Update | Webhooks, Of(
            ("resource_type", Text), ("name", Text), ("email", Text), ("photo", FieldKind.Object), ("workspaces", References))),
        ("project", "projects", Capabilities.Create | Capabilities.Update | Capabilities.Delete | Webhooks, Of(
            ("resource_type", Text), ("name", Text), ("notes", Text), ("html_notes", Text), ("archived", Flag), ("color", Text),
            ("completed", Flag), ("completed_at", Text), ("created_at", Text), ("modified_at", Text), ("start_on", Text), ("due_on", Text),
            ("owner", Reference), ("team", Reference), ("workspace", Reference), ("members", References), ("followers", References),
            ("privacy_setting", Text), ("default_view", Text), ("permalink_url", Text))),
        ("task", "tasks", Capabilities.Create | Capabilities.Update | Capabilities.Delete | Webhooks, Of(
            ("resource_type", Text), ("name", Text), ("notes", Text), ("html_notes", Text), ("resource_subtype", Text), ("completed", Flag),
            ("completed_at", Text), ("due_on", Text), ("due_at", Text), ("start_on", Text), ("assignee", Reference), ("projects", References),
            ("memberships", List), ("parent", Reference), ("workspace", Reference), ("created_at", Text), ("created_by", Reference),
            ("modified_at", Text), ("tags", References), ("followers", References))),
    ];

    private static Dictionary<string, FieldKind> Of(params (string Field, FieldKind Kind)[] fields) =>
        fields.ToDictionary(f => f.Field, f => f.Kind, StringComparer.Ordinal);
}
