using System.Text.Json.Nodes;
using Tolk.Connectors.Webhooks;

namespace Tolk.Trello.Internal;

/// <summary>What a delivered Trello action says changed, as hints for the datatypes the connector serves.</summary>
internal static class WebhookHints
{
    public static List<ChangeHint> From(JsonObject action, string? actionCard)
    {
        var type = action["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "";
        var data = action["data"] as JsonObject;
        var hints = new List<ChangeHint>();
        switch (type)
        {
            case RecordReader.CommentType or "updateComment" or "deleteComment":
                // Comments on other cards are not the action datatype's records.
                if (actionCard is null || Ref(data, "card") == actionCard)
                {
                    hints.Add(new ChangeHint(TrelloDatatypes.Action, type == RecordReader.CommentType ? Id(action["id"]) : Ref(data, "action")));
                }
                break;
            case "createOrganization" or "updateOrganization" or "deleteOrganization":
                hints.Add(new ChangeHint(TrelloDatatypes.Organization, Ref(data, "organization")));
                break;
            case "updateMember":
                hints.Add(new ChangeHint(TrelloDatatypes.Member, Ref(data, "member")));
                break;
            case "addMemberToOrganization" or "removeMemberFromOrganization" or "makeNormalMemberOfOrganization" or "makeAdminOfOrganization":
                hints.Add(new ChangeHint(TrelloDatatypes.Organization, Ref(data, "organization")));
                hints.Add(new ChangeHint(TrelloDatatypes.Member, Id(data?["idMember"]) ?? Ref(data, "member")));
                break;
            case "addMemberToBoard" or "removeMemberFromBoard" or "makeNormalMemberOfBoard" or "makeAdminOfBoard":
                hints.Add(new ChangeHint(TrelloDatatypes.Member, Id(data?["idMember"]) ?? Ref(data, "member")));
                break;
            case "createBoard" or "addToOrganizationBoard" or "removeFromOrganizationBoard" when Ref(data, "organization") is { } org:
                // A workspace lists its boards (idBoards).
                hints.Add(new ChangeHint(TrelloDatatypes.Organization, org));
                break;
        }
        return hints;
    }

    private static string? Ref(JsonObject? data, string name) => Id(data?[name]?["id"]);

    private static string? Id(JsonNode? node) => RecordReader.IsId(node) ? (string)node! : null;
}
