using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    private static readonly HashSet<string> CardFields = Keys(NewCard("", "", "", "", "", 0, 0, "", DateTimeOffset.UnixEpoch));

    private void DefineCardRoutes()
    {
        _routes.Post("/cards", c => CreateCard(c.Args, c.Caller.MemberId));
        _routes.Get("/cards/{id}", c => WithCard(c, card => ViewWithFields(c.Args, card)));
        _routes.Put("/cards/{id}", c => WithCard(c, card => UpdateCard(Str(card, "id"), c.Args, c.Caller.MemberId)));
        _routes.Delete("/cards/{id}", c => WithCard(c, card => DeleteCard(Str(card, "id"), c.Caller.MemberId)));
        // Trello's default for a card's actions is its comments and its moves between lists.
        _routes.Get("/cards/{id}/actions", c => WithCard(c, card =>
            ListActions(c.Args, "commentCard,updateCard:idList", a => RefId(a, "card") == Str(card, "id"))));
    }

    internal static JsonObject NewCard(string id, string name, string desc, string idBoard, string idList, int idShort, double pos,
        string shortLink, DateTimeOffset at) => new()
    {
        ["id"] = id,
        ["badges"] = new JsonObject
        {
            ["votes"] = 0, ["attachments"] = 0, ["checkItems"] = 0, ["checkItemsChecked"] = 0, ["comments"] = 0,
            ["description"] = desc.Length > 0, ["due"] = null, ["dueComplete"] = false, ["start"] = null,
        },
        ["closed"] = false,
        ["dueComplete"] = false,
        ["dateLastActivity"] = Iso(at),
        ["desc"] = desc,
        ["descData"] = new JsonObject { ["emoji"] = new JsonObject() },
        ["due"] = null,
        ["dueReminder"] = null,
        ["email"] = null,
        ["idBoard"] = idBoard,
        ["idChecklists"] = new JsonArray(),
        ["idList"] = idList,
        ["idMembers"] = new JsonArray(),
        ["idMembersVoted"] = new JsonArray(),
        ["idShort"] = idShort,
        ["idAttachmentCover"] = null,
        ["idLabels"] = new JsonArray(),
        ["manualCoverAttachment"] = false,
        ["name"] = name,
        ["pos"] = pos,
        ["shortLink"] = shortLink,
        ["shortUrl"] = $"https://trello.com/c/{shortLink}",
        ["start"] = null,
        ["subscribed"] = false,
        ["url"] = $"https://trello.com/c/{shortLink}/{idShort}-{Slug(name)}",
        ["labels"] = new JsonArray(),
    };

    private TrelloResponse WithCard(TrelloCall call, Func<JsonObject, TrelloResponse> then)
    {
        var (card, error) = ByIdOrShortLink(Cards, call.Route("id"));
        return card is null ? error! : then(card);
    }

    private static TrelloResponse CardsWhere(TrelloArgs args, string defaultFilter, Func<JsonObject, bool> belongs, IEnumerable<JsonObject> cards)
    {
        var filter = args.Raw("filter") ?? defaultFilter;
        if (!args.Text("filter").Valid || filter is not ("all" or "closed" or "none" or "open" or "visible"))
        {
            return TrelloResponse.Invalid("filter");
        }
        var result = cards.Where(belongs).Where(c => filter switch
        {
            "open" or "visible" => c["closed"]?.GetValue<bool>() != true,
            "closed" => c["closed"]?.GetValue<bool>() == true,
            "none" => false,
            _ => true,
        }).OrderBy(c => c["pos"]?.GetValue<double>() ?? 0);
        return ListWithFields(args, result, CardFields);
    }

    private TrelloResponse CardsWhere(TrelloArgs args, string defaultFilter, Func<JsonObject, bool> belongs) =>
        CardsWhere(args, defaultFilter, belongs, Cards.Where(belongs));

    private static (JsonNode? Due, bool Given, TrelloResponse? Error) DueArg(TrelloArgs args)
    {
        var (text, valid) = args.Text("due");
        if (!valid)
        {
            return (null, true, TrelloResponse.Invalid("due"));
        }
        if (!args.Has("due"))
        {
            return (null, false, null);
        }
        if (text is null or "" or "null")
        {
            return (null, true, null);
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var due)
            ? (JsonValue.Create(Iso(due)), true, null)
            : (null, true, TrelloResponse.Invalid("due"));
    }

    private IEnumerable<double> CardPositions(string listId) =>
        Cards.Where(c => Str(c, "idList") == listId).Select(c => c["pos"]!.GetValue<double>());

    internal TrelloResponse CreateCard(TrelloArgs args, string actorId)
    {
        var (idList, e1) = TextArg(args, "idList", max: 100, required: true);
        var (name, e2) = TextArg(args, "name");
        var (desc, e3) = TextArg(args, "desc");
        var (due, _, e4) = DueArg(args);
        if ((e1 ?? e2 ?? e3 ?? e4) is { } error)
        {
            return error;
        }
        if (!TrelloIds.IsId(idList))
        {
            return TrelloResponse.Invalid("idList");
        }
        lock (_write)
        {
            if (Lists.Get(idList!.ToLowerInvariant()) is not { } list || Boards.Get(Str(list, "idBoard")) is not { } board)
            {
                return TrelloResponse.Invalid("idList");
            }
            var (pos, posError) = PosArg(args, CardPositions(Str(list, "id")));
            if (posError is not null)
            {
                return posError;
            }
            var card = AddCard(board, list, name ?? "", desc ?? "", pos, actorId, Now);
            if (due is not null)
            {
                card["due"] = due;
                ((JsonObject)card["badges"]!)["due"] = due.DeepClone();
                Cards.Put(Str(card, "id"), card, OriginOf(actorId));
            }
            return TrelloResponse.Ok(card);
        }
    }

    private JsonObject AddCard(JsonObject board, JsonObject list, string name, string desc, double? pos, string actorId, DateTimeOffset at)
    {
        var boardId = Str(board, "id");
        var idShort = Cards.Where(c => Str(c, "idBoard") == boardId).Select(c => c["idShort"]!.GetValue<int>()).DefaultIfEmpty(0).Max() + 1;
        var id = _ids.New(at);
        var listId = Str(list, "id");
        var card = NewCard(id, name, desc, boardId, listId, idShort,
            pos ?? CardPositions(listId).DefaultIfEmpty(0).Max() + PosStep, ShortLink(id), at);
        Cards.Put(id, card, OriginOf(actorId));
        Record(ActionTypes.CreateCard, new JsonObject
        {
            ["card"] = CardRef(card), ["list"] = ListRef(list), ["board"] = BoardRef(board),
        }, actorId, at);
        board["dateLastActivity"] = Iso(at);
        Boards.Put(boardId, board, OriginOf(actorId));
        return card;
    }
}
