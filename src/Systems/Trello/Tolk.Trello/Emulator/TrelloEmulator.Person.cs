using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    // What a person can set in Trello's UI, per collection; the same rules as the API apply to the values.
    private static readonly Dictionary<string, string[]> PersonCreatable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["members"] = ["fullName", "email", "username", "idOrganization"],
        ["organizations"] = ["displayName", "name", "desc", "website"],
        ["boards"] = ["name", "desc", "idOrganization", "defaultLists"],
        ["lists"] = ["name", "idBoard", "pos"],
        ["cards"] = ["name", "desc", "idList", "pos", "due"],
        ["actions"] = ["idCard", "text"],
    };

    private static readonly Dictionary<string, string[]> PersonEditable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["members"] = ["fullName", "initials", "username", "bio"],
        ["organizations"] = ["displayName", "name", "desc", "website"],
        ["boards"] = ["name", "desc", "closed"],
        ["lists"] = ["name", "closed", "pos"],
        ["cards"] = ["name", "desc", "idList", "closed", "due", "dueComplete", "pos"],
        ["actions"] = ["text", "data"],
    };

    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonCreate(string collection, JsonObject fields)
    {
        if (Unknown(PersonCreatable, collection, fields) is { } unknown)
        {
            return (null, unknown);
        }
        var args = TrelloArgs.FromJson(fields);
        return collection.ToLowerInvariant() switch
        {
            "members" => PersonSignsUp(fields),
            "organizations" => AsRecord(CreateOrganization(args, PersonId).Response),
            "boards" => AsRecord(CreateBoard(args, PersonId).Response),
            "lists" => AsRecord(CreateList(args, PersonId)),
            "cards" => AsRecord(CreateCard(args, PersonId)),
            _ => (string?)fields["idCard"] is { } card && TrelloIds.IsId(card)
                ? AsRecord(AddComment(card.ToLowerInvariant(), args, PersonId))
                : (null, "invalid value for idCard"),
        };
    }

    /// <inheritdoc />
    public override (JsonObject? Record, string? Error) PersonUpdate(string collection, string id, JsonObject patch)
    {
        if (Unknown(PersonEditable, collection, patch) is { } unknown)
        {
            return (null, unknown);
        }
        if (!TrelloIds.IsId(id))
        {
            return (null, "invalid id");
        }
        id = id.ToLowerInvariant();
        if (collection.Equals("actions", StringComparison.OrdinalIgnoreCase) && patch["data"] is JsonObject data)
        {
            patch = new JsonObject { ["text"] = data["text"]?.DeepClone() };
        }
        var args = TrelloArgs.FromJson(patch);
        return AsRecord(collection.ToLowerInvariant() switch
        {
            "members" => UpdateMember(id, args, PersonId),
            "organizations" => UpdateOrganization(id, args, PersonId),
            "boards" => UpdateBoard(id, args, PersonId),
            "lists" => UpdateList(id, args, PersonId),
            "cards" => UpdateCard(id, args, PersonId),
            _ => UpdateComment(id, args, PersonId),
        });
    }

    /// <inheritdoc />
    public override string? PersonDelete(string collection, string id)
    {
        if (!TrelloIds.IsId(id))
        {
            return "invalid id";
        }
        id = id.ToLowerInvariant();
        var response = collection.ToLowerInvariant() switch
        {
            "cards" => DeleteCard(id, PersonId),
            "actions" => DeleteComment(id, PersonId),
            "organizations" => DeleteOrganization(id, PersonId),
            "members" => DeleteAccount(id),
            _ => TrelloResponse.Error(400, $"a person cannot delete trello {collection} (lists and boards are archived: set closed)"),
        };
        return response.IsSuccess ? null : response.Text;
    }

    /// <inheritdoc />
    protected override void Touch(string collection, JsonObject record, DateTimeOffset now)
    {
        if (collection is "boards" or "cards" or "organizations")
        {
            record["dateLastActivity"] = Iso(now);
        }
    }

    // A person closing their Trello account: they leave every workspace and board.
    private TrelloResponse DeleteAccount(string id)
    {
        lock (_write)
        {
            if (Members.Get(id) is not { } member || id == MeId)
            {
                return TrelloResponse.Error(400, id == MeId ? "the token's own member cannot be deleted" : TrelloResponse.NotFoundText);
            }
            foreach (var orgId in Ids(member["idOrganizations"]))
            {
                if (Organizations.Get(orgId) is { } org && org["memberships"] is JsonArray memberships)
                {
                    foreach (var m in memberships.OfType<JsonObject>().Where(m => Str(m, "idMember") == id).ToList())
                    {
                        memberships.Remove(m);
                    }
                    Organizations.Put(orgId, org, ChangeOrigin.Person);
                }
            }
            foreach (var boardId in Ids(member["idBoards"]))
            {
                RemoveBoardMembership(boardId, id, ChangeOrigin.Person);
            }
            Members.Remove(id, ChangeOrigin.Person);
            return TrelloResponse.Deleted();
        }
    }

    private static string? Unknown(Dictionary<string, string[]> allowed, string collection, JsonObject fields)
    {
        if (!allowed.TryGetValue(collection, out var names))
        {
            return $"trello has no {collection} a person can create or edit";
        }
        var unknown = fields.Select(kv => kv.Key).FirstOrDefault(k => !names.Contains(k));
        return unknown is null ? null : $"{unknown}: not a field a person can set on trello {collection} ({string.Join(", ", names)})";
    }

    private static (JsonObject? Record, string? Error) AsRecord(TrelloResponse response) =>
        response.IsSuccess ? (response.Json as JsonObject, null) : (null, response.Text);
}
