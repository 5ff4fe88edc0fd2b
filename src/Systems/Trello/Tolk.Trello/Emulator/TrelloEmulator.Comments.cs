using System.Text.Json.Nodes;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    private static readonly HashSet<string> ActionFields = new(StringComparer.Ordinal)
    {
        "id", "idMemberCreator", "data", "type", "date", "appCreator", "limits",
    };

    private void DefineActionRoutes()
    {
        _routes.Get("/actions/{id}", c => WithAction(c, a =>
        {
            var (fields, error) = FieldSelection.Parse(c.Args, ActionFields);
            return error ?? TrelloResponse.Ok(FieldSelection.Apply(ActionView(a), fields is null ? null : [.. fields, "memberCreator"]));
        }));
        _routes.Put("/actions/{id}", c => WithAction(c, a => UpdateComment(Str(a, "id"), c.Args, c.Caller.MemberId)));
        _routes.Delete("/actions/{id}", c => WithAction(c, a => DeleteComment(Str(a, "id"), c.Caller.MemberId)));
        _routes.Put("/actions/{id}/text", c => WithAction(c, a => UpdateComment(Str(a, "id"), c.Args, c.Caller.MemberId, textArg: "value")));
        _routes.Post("/cards/{id}/actions/comments", c => WithCard(c, card => AddComment(Str(card, "id"), c.Args, c.Caller.MemberId)));
        // The same edit and removal addressed through the comment's card, as Trello's reference (and its clients) offer.
        _routes.Put("/cards/{id}/actions/{idAction}/comments", c => WithCardComment(c, a => UpdateComment(Str(a, "id"), c.Args, c.Caller.MemberId)));
        _routes.Delete("/cards/{id}/actions/{idAction}/comments", c => WithCardComment(c, a => DeleteComment(Str(a, "id"), c.Caller.MemberId)));
    }

    private TrelloResponse WithCardComment(TrelloCall call, Func<JsonObject, TrelloResponse> then) => WithCard(call, card =>
    {
        var (action, error) = ById(Actions, call.Route("idAction"));
        return action is null ? error! : RefId(action, "card") == Str(card, "id") ? then(action) : TrelloResponse.NotFound();
    });

    private TrelloResponse WithAction(TrelloCall call, Func<JsonObject, TrelloResponse> then)
    {
        var (action, error) = ById(Actions, call.Route("id"));
        return action is null ? error! : then(action);
    }

    internal TrelloResponse AddComment(string cardId, TrelloArgs args, string actorId)
    {
        var (text, error) = TextArg(args, "text", min: 1, required: true);
        if (error is not null)
        {
            return error;
        }
        lock (_write)
        {
            if (Cards.Get(cardId) is not { } card)
            {
                return TrelloResponse.NotFound();
            }
            return TrelloResponse.Ok(ActionView(AddComment(card, text!, actorId, Now)));
        }
    }

    private JsonObject AddComment(JsonObject card, string text, string actorId, DateTimeOffset at)
    {
        var data = new JsonObject { ["text"] = text, ["textData"] = new JsonObject { ["emoji"] = new JsonObject() } };
        AddCardContext(data, card);
        var action = Record(ActionTypes.CommentCard, data, actorId, at);
        AdjustCommentCount(card, +1, actorId, at);
        return action;
    }

    private void AddCardContext(JsonObject data, JsonObject card)
    {
        data["card"] = CardRef(card);
        if (Boards.Get(Str(card, "idBoard")) is { } board)
        {
            data["board"] = BoardRef(board);
        }
        if (Lists.Get(Str(card, "idList")) is { } list)
        {
            data["list"] = ListRef(list);
        }
    }

    // A comment counts in the card's badges and is activity on the card and its board.
    private void AdjustCommentCount(JsonObject card, int delta, string actorId, DateTimeOffset at)
    {
        var badges = (JsonObject)card["badges"]!;
        badges["comments"] = Math.Max(0, (badges["comments"]?.GetValue<int>() ?? 0) + delta);
        card["dateLastActivity"] = Iso(at);
        Cards.Put(Str(card, "id"), card, OriginOf(actorId));
        if (Boards.Get(Str(card, "idBoard")) is { } board)
        {
            board["dateLastActivity"] = Iso(at);
            Boards.Put(Str(board, "id"), board, OriginOf(actorId));
        }
    }

    // Only comments change, and only their author may edit them; the edit is itself recorded as updateComment.
    internal TrelloResponse UpdateComment(string id, TrelloArgs args, string actorId, string textArg = "text")
    {
        var (text, error) = TextArg(args, textArg, min: 1, required: true);
        lock (_write)
        {
            var action = Actions.Get(id);
            if (action is null)
            {
                return TrelloResponse.NotFound();
            }
            if (Str(action, "type") != ActionTypes.CommentCard || (Str(action, "idMemberCreator") != actorId && actorId != PersonId))
            {
                return TrelloResponse.Error(401, "unauthorized action permission requested");
            }
            if (error is not null)
            {
                return error;
            }
            var data = (JsonObject)action["data"]!;
            var oldText = Str(data, "text");
            if (oldText != text)
            {
                var now = Now;
                data["text"] = text;
                data["dateLastEdited"] = Iso(now);
                Actions.Put(id, action, OriginOf(actorId));
                var update = new JsonObject
                {
                    ["action"] = new JsonObject { ["id"] = id, ["text"] = text },
                    ["old"] = new JsonObject { ["text"] = oldText },
                };
                CopyContext(data, update);
                Record(ActionTypes.UpdateComment, update, actorId, now);
            }
            return TrelloResponse.Ok(ActionView(action));
        }
    }

    internal TrelloResponse DeleteComment(string id, string actorId)
    {
        lock (_write)
        {
            var action = Actions.Get(id);
            if (action is null)
            {
                return TrelloResponse.NotFound();
            }
            var data = (JsonObject)action["data"]!;
            var boardAdmin = RefId(action, "board") is { } boardId && Boards.Get(boardId) is { } board
                && (board["memberships"] as JsonArray ?? []).OfType<JsonObject>()
                    .Any(m => Str(m, "idMember") == actorId && Str(m, "memberType") == "admin");
            if (Str(action, "type") != ActionTypes.CommentCard
                || (Str(action, "idMemberCreator") != actorId && !boardAdmin && actorId != PersonId))
            {
                return TrelloResponse.Error(401, "unauthorized action permission requested");
            }
            var now = Now;
            Actions.Remove(id, OriginOf(actorId));
            var deleted = new JsonObject { ["action"] = new JsonObject { ["id"] = id } };
            CopyContext(data, deleted);
            Record(ActionTypes.DeleteComment, deleted, actorId, now);
            if (RefId(action, "card") is { } cardId && Cards.Get(cardId) is { } card)
            {
                AdjustCommentCount(card, -1, actorId, now);
            }
            return TrelloResponse.Deleted();
        }
    }

    private static void CopyContext(JsonObject from, JsonObject to)
    {
        foreach (var name in (string[])["card", "board", "list"])
        {
            if (from[name] is { } node)
            {
                to[name] = node.DeepClone();
            }
        }
    }
}
