using System.Text.Json.Nodes;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    internal TrelloResponse UpdateCard(string id, TrelloArgs args, string actorId)
    {
        var (name, e1) = TextArg(args, "name", min: 1);
        var (desc, e2) = TextArg(args, "desc");
        var (closed, e3) = BoolArg(args, "closed");
        var (dueComplete, e4) = BoolArg(args, "dueComplete");
        var (idList, e5) = TextArg(args, "idList", max: 100);
        var (due, dueGiven, e6) = DueArg(args);
        if ((e1 ?? e2 ?? e3 ?? e4 ?? e5 ?? e6) is { } error)
        {
            return error;
        }
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            return TrelloResponse.Invalid("name");
        }
        if (idList is not null && !TrelloIds.IsId(idList))
        {
            return TrelloResponse.Invalid("idList");
        }
        lock (_write)
        {
            var card = Cards.Get(id);
            if (card is null)
            {
                return TrelloResponse.NotFound();
            }
            var listBefore = Lists.Get(Str(card, "idList"));
            var listAfter = idList is null ? listBefore : Lists.Get(idList.ToLowerInvariant());
            if (listAfter is null)
            {
                return TrelloResponse.Invalid("idList");
            }
            var (pos, posError) = PosArg(args, CardPositions(Str(listAfter, "id")));
            if (posError is not null)
            {
                return posError;
            }
            var old = new JsonObject();
            Change(card, old, "name", name);
            Change(card, old, "desc", desc);
            Change(card, old, "idList", idList is null ? null : Str(listAfter, "id"));
            Change(card, old, "idBoard", Str(listAfter, "idBoard"));
            if (closed is { } c)
            {
                Change(card, old, "closed", JsonValue.Create(c));
            }
            if (dueComplete is { } dc)
            {
                Change(card, old, "dueComplete", JsonValue.Create(dc));
            }
            if (dueGiven)
            {
                Change(card, old, "due", due);
            }
            if (pos is { } p)
            {
                Change(card, old, "pos", JsonValue.Create(p));
            }
            if (old.Count > 0)
            {
                var now = Now;
                var badges = (JsonObject)card["badges"]!;
                badges["description"] = Str(card, "desc").Length > 0;
                badges["due"] = card["due"]?.DeepClone();
                badges["dueComplete"] = card["dueComplete"]?.DeepClone();
                card["url"] = $"https://trello.com/c/{Str(card, "shortLink")}/{card["idShort"]}-{Slug(Str(card, "name"))}";
                Touch("cards", card, now);
                Cards.Put(id, card, OriginOf(actorId));
                RecordCardUpdate(card, old, listBefore, listAfter, actorId, now);
            }
            return TrelloResponse.Ok(card);
        }
    }

    // updateCard carries the new values in data.card, the old ones in data.old, and listBefore/listAfter for a move.
    private void RecordCardUpdate(JsonObject card, JsonObject old, JsonObject? listBefore, JsonObject listAfter, string actorId, DateTimeOffset at)
    {
        var changed = CardRef(card);
        foreach (var (key, _) in old)
        {
            changed[key] = card[key]?.DeepClone();
        }
        var data = new JsonObject { ["card"] = changed, ["old"] = old };
        if (Boards.Get(Str(card, "idBoard")) is { } board)
        {
            data["board"] = BoardRef(board);
            TouchBoard(board);
        }
        if (old.ContainsKey("idList") && listBefore is not null)
        {
            data["listBefore"] = ListRef(listBefore);
            data["listAfter"] = ListRef(listAfter);
        }
        else
        {
            data["list"] = ListRef(listAfter);
        }
        Record(ActionTypes.UpdateCard, data, actorId, at);
    }

    internal TrelloResponse DeleteCard(string id, string actorId)
    {
        lock (_write)
        {
            var card = Cards.Get(id);
            if (card is null)
            {
                return TrelloResponse.NotFound();
            }
            Cards.Remove(id, OriginOf(actorId));
            var data = new JsonObject
            {
                ["card"] = new JsonObject { ["id"] = id, ["idShort"] = card["idShort"]?.DeepClone(), ["shortLink"] = Str(card, "shortLink") },
            };
            if (Lists.Get(Str(card, "idList")) is { } list)
            {
                data["list"] = ListRef(list);
            }
            if (Boards.Get(Str(card, "idBoard")) is { } board)
            {
                data["board"] = BoardRef(board);
                TouchBoard(board);
            }
            Record(ActionTypes.DeleteCard, data, actorId, Now);
            return TrelloResponse.Deleted();
        }
    }
}
