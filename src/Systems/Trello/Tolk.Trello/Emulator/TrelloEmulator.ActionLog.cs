using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    // Every mutation leaves an action behind, made by the member who did it; the actions are Trello's change feed.
    private JsonObject Record(string type, JsonObject data, string actorId, DateTimeOffset at)
    {
        var id = _ids.New(at);
        var action = new JsonObject
        {
            ["id"] = id,
            ["idMemberCreator"] = actorId,
            ["data"] = data,
            ["appCreator"] = null,
            ["type"] = type,
            ["date"] = Iso(at),
            ["limits"] = new JsonObject(),
            ["memberCreator"] = MemberCreator(actorId),
        };
        Actions.Put(id, action, OriginOf(actorId));
        return action;
    }

    // Trello joins the creator's current profile into every action it returns. The profiles are kept apart (updated
    // from the members' changes) so that an action never costs a copy of a member with thousands of board ids.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> _creators = new(StringComparer.Ordinal);

    private static readonly string[] CreatorFields =
        ["id", "activityBlocked", "avatarHash", "avatarUrl", "fullName", "idMemberReferrer", "initials", "nonPublic", "nonPublicAvailable", "username"];

    private JsonObject? MemberCreator(string memberId) =>
        _creators.TryGetValue(memberId, out var creator) ? (JsonObject)creator.DeepClone() : null;

    private void RememberCreator(RecordChange change) => RememberCreator(change.Id, change.After);

    private void RememberCreator(string id, JsonObject? member)
    {
        if (member is null)
        {
            _creators.TryRemove(id, out _);
            return;
        }
        var creator = new JsonObject();
        foreach (var name in CreatorFields)
        {
            creator[name] = member[name]?.DeepClone();
        }
        _creators[id] = creator;
    }

    private JsonObject ActionView(JsonObject action, ActionQuery? query = null)
    {
        if (MemberCreator(Str(action, "idMemberCreator")) is { } current)
        {
            action["memberCreator"] = current;
        }
        var view = FieldSelection.Apply(action, query?.Fields);
        if (query is { MemberCreator: false })
        {
            view.Remove("memberCreator");
        }
        else if (query?.Fields is not null)
        {
            view["memberCreator"] = action["memberCreator"]?.DeepClone();
        }
        return view;
    }

    private TrelloResponse ListActions(TrelloArgs args, string defaultFilter, Func<JsonObject, bool> belongs)
    {
        var (query, error) = ActionQuery.Parse(args, defaultFilter);
        if (query is null)
        {
            return error!;
        }
        return TrelloResponse.Ok(new JsonArray(query.Apply(Actions.Where(belongs)).Select(a => (JsonNode)ActionView(a, query)).ToArray()));
    }

    private static JsonObject CardRef(JsonObject card) => new()
    {
        ["id"] = Str(card, "id"), ["name"] = Str(card, "name"), ["idShort"] = card["idShort"]?.DeepClone(),
        ["shortLink"] = Str(card, "shortLink"),
    };

    private static JsonObject BoardRef(JsonObject board) => new()
    {
        ["id"] = Str(board, "id"), ["name"] = Str(board, "name"), ["shortLink"] = Str(board, "shortLink"),
    };

    private static JsonObject ListRef(JsonObject list) => new() { ["id"] = Str(list, "id"), ["name"] = Str(list, "name") };

    private static JsonObject OrgRef(JsonObject org) => new() { ["id"] = Str(org, "id"), ["name"] = Str(org, "displayName") };

    private static JsonObject MemberRef(JsonObject member) => new() { ["id"] = Str(member, "id"), ["name"] = Str(member, "fullName") };

    private static string? RefId(JsonObject action, string model) => (string?)action["data"]?[model]?["id"];

    // The models an action concerns: webhooks on any of them fire, and the model listings include it.
    private IEnumerable<string> ModelsOf(JsonObject action)
    {
        foreach (var model in (string[])["board", "card", "list", "listBefore", "listAfter", "organization", "member"])
        {
            if (RefId(action, model) is { } id)
            {
                yield return id;
            }
        }
        yield return Str(action, "idMemberCreator");
        if (RefId(action, "board") is { } boardId && Boards.Get(boardId) is { } board && (string?)board["idOrganization"] is { } org)
        {
            yield return org;
        }
    }
}
