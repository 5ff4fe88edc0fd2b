using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    // The lists Trello puts on a new board unless defaultLists=false.
    private static readonly string[] DefaultListNames = ["To Do", "Doing", "Done"];

    private static readonly HashSet<string> BoardFields = Keys(NewBoard("", "", "", null, "", "", DateTimeOffset.UnixEpoch));

    private void DefineBoardRoutes()
    {
        _routes.Post("/boards", c => CreateBoard(c.Args, c.Caller.MemberId).Response);
        _routes.Get("/boards/{id}", c => WithBoard(c, b => ViewWithFields(c.Args, b)));
        _routes.Put("/boards/{id}", c => WithBoard(c, b => UpdateBoard(Str(b, "id"), c.Args, c.Caller.MemberId)));
        _routes.Get("/boards/{id}/lists", c => WithBoard(c, b => BoardLists(Str(b, "id"), c.Args)));
        _routes.Get("/boards/{id}/cards", c => WithBoard(c, b => CardsWhere(c.Args, "visible", card => Str(card, "idBoard") == Str(b, "id"))));
        _routes.Get("/boards/{id}/members", c => WithBoard(c, b =>
        {
            var ids = (b["memberships"] as JsonArray ?? []).OfType<JsonObject>().Select(m => Str(m, "idMember"));
            var members = ids.Select(Members.Get).OfType<JsonObject>().Select(m => MemberView(m, c.Caller.MemberId));
            return ListWithFields(c.Args, members, MemberFields, MemberListFields);
        }));
        _routes.Get("/boards/{id}/actions", c => WithBoard(c, b => ListActions(c.Args, "all", a => RefId(a, "board") == Str(b, "id"))));
    }

    internal static JsonObject NewBoard(string id, string name, string desc, string? idOrganization, string shortLink,
        string creatorId, DateTimeOffset at) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["desc"] = desc,
        ["descData"] = null,
        ["closed"] = false,
        ["dateClosed"] = null,
        ["idOrganization"] = idOrganization,
        ["idEnterprise"] = null,
        ["pinned"] = false,
        ["url"] = $"https://trello.com/b/{shortLink}/{Slug(name)}",
        ["shortUrl"] = $"https://trello.com/b/{shortLink}",
        ["shortLink"] = shortLink,
        ["prefs"] = new JsonObject
        {
            ["permissionLevel"] = idOrganization is null ? "private" : "org", ["hideVotes"] = false, ["voting"] = "disabled",
            ["comments"] = "members", ["invitations"] = "members", ["selfJoin"] = true, ["cardCovers"] = true,
            ["background"] = "blue", ["backgroundColor"] = "#0079BF",
        },
        ["labelNames"] = new JsonObject
        {
            ["green"] = "", ["yellow"] = "", ["orange"] = "", ["red"] = "", ["purple"] = "", ["blue"] = "",
        },
        ["dateLastActivity"] = Iso(at),
        ["dateLastView"] = null,
        ["idMemberCreator"] = creatorId,
        ["memberships"] = new JsonArray(),
    };

    // The readable tail of Trello's board and card URLs.
    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    // shortLinks are 8 letters and digits, derived from the id so they are as deterministic as ids.
    private static string ShortLink(string id)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var hex = TrelloIds.Hex(id, 16);
        return string.Concat(Enumerable.Range(0, 8).Select(i => alphabet[Convert.ToInt32(hex.Substring(i * 2, 2), 16) % alphabet.Length]));
    }

    private TrelloResponse WithBoard(TrelloCall call, Func<JsonObject, TrelloResponse> then)
    {
        var (board, error) = ByIdOrShortLink(Boards, call.Route("id"));
        return board is null ? error! : then(board);
    }

    internal (JsonObject? Board, TrelloResponse Response) CreateBoard(TrelloArgs args, string actorId)
    {
        var (name, e1) = TextArg(args, "name", min: 1, required: true);
        var (desc, e2) = TextArg(args, "desc");
        var (defaultLists, e3) = BoolArg(args, "defaultLists");
        var (idOrganization, e4) = TextArg(args, "idOrganization", max: 100);
        if ((e1 ?? e2 ?? e3 ?? e4) is { } error)
        {
            return (null, error);
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, TrelloResponse.Invalid("name"));
        }
        lock (_write)
        {
            JsonObject? org = null;
            if (!string.IsNullOrEmpty(idOrganization) && (org = FindOrganization(idOrganization).Org) is null)
            {
                return (null, TrelloResponse.Invalid("idOrganization"));
            }
            var now = Now;
            var board = AddBoard(name!, desc ?? "", org, actorId, now, OriginOf(actorId));
            if (defaultLists != false)
            {
                foreach (var listName in DefaultListNames)
                {
                    AddList(board, listName, null, actorId, now);
                }
            }
            return (Boards.Get(Str(board, "id")), TrelloResponse.Ok(Boards.Get(Str(board, "id"))!));
        }
    }

    // Creates the board, makes the creator its admin and files it under its workspace.
    private JsonObject AddBoard(string name, string desc, JsonObject? org, string creatorId, DateTimeOffset at, ChangeOrigin origin)
    {
        var id = _ids.New(at);
        var orgId = org is null ? null : Str(org, "id");
        var board = NewBoard(id, name, desc, orgId, ShortLink(id), creatorId, at);
        AddMembership(board, creatorId, "admin", at);
        Boards.Put(id, board, origin);
        LinkMember(creatorId, "idBoards", id, add: true, origin);
        if (org is not null)
        {
            ((JsonArray)org["idBoards"]!).Add(id);
            Organizations.Put(orgId!, org, origin);
        }
        var data = new JsonObject { ["board"] = BoardRef(board) };
        if (org is not null)
        {
            data["organization"] = OrgRef(org);
        }
        Record(ActionTypes.CreateBoard, data, creatorId, at);
        return board;
    }

    internal TrelloResponse UpdateBoard(string id, TrelloArgs args, string actorId)
    {
        var (name, e1) = TextArg(args, "name", min: 1);
        var (desc, e2) = TextArg(args, "desc");
        var (closed, e3) = BoolArg(args, "closed");
        if ((e1 ?? e2 ?? e3) is { } error)
        {
            return error;
        }
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            return TrelloResponse.Invalid("name");
        }
        lock (_write)
        {
            var board = Boards.Get(id);
            if (board is null)
            {
                return TrelloResponse.NotFound();
            }
            var old = new JsonObject();
            if (Change(board, old, "name", name))
            {
                board["url"] = $"https://trello.com/b/{Str(board, "shortLink")}/{Slug(name!)}";
            }
            Change(board, old, "desc", desc);
            if (closed is { } c && Change(board, old, "closed", JsonValue.Create(c)))
            {
                board["dateClosed"] = c ? Iso(Now) : null;
            }
            if (old.Count > 0)
            {
                Touch("boards", board, Now);
                Boards.Put(id, board, OriginOf(actorId));
                var changed = BoardRef(board);
                foreach (var (key, _) in old)
                {
                    changed[key] = board[key]?.DeepClone();
                }
                Record(ActionTypes.UpdateBoard, new JsonObject { ["board"] = changed, ["old"] = old }, actorId, Now);
            }
            return TrelloResponse.Ok(board);
        }
    }

    private TrelloResponse BoardLists(string boardId, TrelloArgs args)
    {
        var filter = args.Raw("filter") ?? "open";
        if (!args.Text("filter").Valid || filter is not ("all" or "closed" or "none" or "open"))
        {
            return TrelloResponse.Invalid("filter");
        }
        var lists = Lists.Where(l => Str(l, "idBoard") == boardId && filter switch
        {
            "open" => l["closed"]?.GetValue<bool>() != true,
            "closed" => l["closed"]?.GetValue<bool>() == true,
            "none" => false,
            _ => true,
        }).OrderBy(l => l["pos"]?.GetValue<double>() ?? 0);
        return ListWithFields(args, lists, ListFields);
    }

    private void RemoveBoardMembership(string boardId, string memberId, ChangeOrigin origin)
    {
        if (Boards.Get(boardId) is not { } board || board["memberships"] is not JsonArray memberships)
        {
            return;
        }
        var membership = memberships.OfType<JsonObject>().FirstOrDefault(m => Str(m, "idMember") == memberId);
        if (membership is not null)
        {
            memberships.Remove(membership);
            Boards.Put(boardId, board, origin);
            LinkMember(memberId, "idBoards", boardId, add: false, origin);
        }
    }
}
