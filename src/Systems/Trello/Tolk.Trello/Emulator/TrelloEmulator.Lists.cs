using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    private const double PosStep = 16384;

    private static readonly HashSet<string> ListFields = Keys(NewList("", "", "", 0));

    private void DefineListRoutes()
    {
        _routes.Post("/lists", c => CreateList(c.Args, c.Caller.MemberId));
        _routes.Get("/lists/{id}", c => WithList(c, l => ViewWithFields(c.Args, l)));
        _routes.Put("/lists/{id}", c => WithList(c, l => UpdateList(Str(l, "id"), c.Args, c.Caller.MemberId)));
        _routes.Get("/lists/{id}/cards", c => WithList(c, l => CardsWhere(c.Args, "open", card => Str(card, "idList") == Str(l, "id"))));
    }

    internal static JsonObject NewList(string id, string name, string idBoard, double pos) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["closed"] = false,
        ["color"] = null,
        ["idBoard"] = idBoard,
        ["pos"] = pos,
        ["subscribed"] = false,
        ["softLimit"] = null,
    };

    private TrelloResponse WithList(TrelloCall call, Func<JsonObject, TrelloResponse> then)
    {
        var (list, error) = ById(Lists, call.Route("id"));
        return list is null ? error! : then(list);
    }

    // `pos` is "top", "bottom" or a positive number, as in Trello.
    private static (double? Pos, TrelloResponse? Error) PosArg(TrelloArgs args, IEnumerable<double> siblings)
    {
        var (text, valid) = args.Text("pos");
        var positions = siblings.ToList();
        return text switch
        {
            _ when !valid => (null, TrelloResponse.Invalid("pos")),
            null => (null, null),
            "top" => (positions.Count == 0 ? PosStep : positions.Min() / 2, null),
            "bottom" => ((positions.Count == 0 ? 0 : positions.Max()) + PosStep, null),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p > 0 && double.IsFinite(p) => (p, null),
            _ => (null, TrelloResponse.Invalid("pos")),
        };
    }

    private IEnumerable<double> ListPositions(string boardId) =>
        Lists.Where(l => Str(l, "idBoard") == boardId).Select(l => l["pos"]!.GetValue<double>());

    internal TrelloResponse CreateList(TrelloArgs args, string actorId)
    {
        var (name, e1) = TextArg(args, "name", min: 1, required: true);
        var (idBoard, e2) = TextArg(args, "idBoard", max: 100, required: true);
        if ((e1 ?? e2) is { } error)
        {
            return error;
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return TrelloResponse.Invalid("name");
        }
        if (!TrelloIds.IsId(idBoard))
        {
            return TrelloResponse.Invalid("idBoard");
        }
        lock (_write)
        {
            var board = Boards.Get(idBoard!.ToLowerInvariant());
            if (board is null)
            {
                return TrelloResponse.Invalid("idBoard");
            }
            var (pos, posError) = PosArg(args, ListPositions(Str(board, "id")));
            return posError ?? TrelloResponse.Ok(AddList(board, name!, pos, actorId, Now));
        }
    }

    private JsonObject AddList(JsonObject board, string name, double? pos, string actorId, DateTimeOffset at)
    {
        var boardId = Str(board, "id");
        var id = _ids.New(at);
        var list = NewList(id, name, boardId, pos ?? ListPositions(boardId).DefaultIfEmpty(0).Max() + PosStep);
        Lists.Put(id, list, OriginOf(actorId));
        Record(ActionTypes.CreateList, new JsonObject { ["list"] = ListRef(list), ["board"] = BoardRef(board) }, actorId, at);
        return list;
    }

    internal TrelloResponse UpdateList(string id, TrelloArgs args, string actorId)
    {
        var (name, e1) = TextArg(args, "name", min: 1);
        var (closed, e2) = BoolArg(args, "closed");
        if ((e1 ?? e2) is { } error)
        {
            return error;
        }
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            return TrelloResponse.Invalid("name");
        }
        lock (_write)
        {
            var list = Lists.Get(id);
            if (list is null)
            {
                return TrelloResponse.NotFound();
            }
            var (pos, posError) = PosArg(args, ListPositions(Str(list, "idBoard")));
            if (posError is not null)
            {
                return posError;
            }
            var old = new JsonObject();
            Change(list, old, "name", name);
            if (closed is { } c)
            {
                Change(list, old, "closed", JsonValue.Create(c));
            }
            if (pos is { } p)
            {
                Change(list, old, "pos", JsonValue.Create(p));
            }
            if (old.Count > 0)
            {
                Lists.Put(id, list, OriginOf(actorId));
                var changed = ListRef(list);
                foreach (var (key, _) in old)
                {
                    changed[key] = list[key]?.DeepClone();
                }
                var data = new JsonObject { ["list"] = changed, ["old"] = old };
                if (Boards.Get(Str(list, "idBoard")) is { } board)
                {
                    data["board"] = BoardRef(board);
                    TouchBoard(board);
                }
                Record(ActionTypes.UpdateList, data, actorId, Now);
            }
            return TrelloResponse.Ok(list);
        }
    }

    // Activity anywhere on a board moves the board's dateLastActivity, as in Trello.
    private void TouchBoard(JsonObject board)
    {
        Touch("boards", board, Now);
        Boards.Put(Str(board, "id"), board, Tolk.Emulation.Data.ChangeOrigin.Api);
    }
}
