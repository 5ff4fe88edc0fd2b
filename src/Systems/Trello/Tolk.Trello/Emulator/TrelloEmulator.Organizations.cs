using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    private static readonly HashSet<string> OrganizationFields = Keys(NewOrganization("", "", "", "", null, DateTimeOffset.UnixEpoch));

    private void DefineOrganizationRoutes()
    {
        _routes.Post("/organizations", c => CreateOrganization(c.Args, c.Caller.MemberId).Response);
        _routes.Get("/organizations/{id}", c => WithOrganization(c, o => ViewWithFields(c.Args, o)));
        _routes.Put("/organizations/{id}", c => WithOrganization(c, o => UpdateOrganization(Str(o, "id"), c.Args, c.Caller.MemberId)));
        _routes.Delete("/organizations/{id}", c => WithOrganization(c, o => DeleteOrganization(Str(o, "id"), c.Caller.MemberId)));
        _routes.Get("/organizations/{id}/members", c => WithOrganization(c, o => OrganizationMembers(o, c)));
        _routes.Delete("/organizations/{id}/members/{idMember}", c => WithOrganization(c, o =>
            RemoveOrganizationMember(Str(o, "id"), c.Route("idMember"), c.Caller.MemberId)));
        _routes.Get("/organizations/{id}/boards", c => WithOrganization(c, o => OrganizationBoards(o, c.Args)));
        _routes.Get("/organizations/{id}/actions", c => WithOrganization(c, o =>
        {
            var id = Str(o, "id");
            var boards = Ids(o["idBoards"]);
            return ListActions(c.Args, "all", a => RefId(a, "organization") == id || RefId(a, "board") is { } b && boards.Contains(b));
        }));
    }

    internal static JsonObject NewOrganization(string id, string name, string displayName, string desc, string? website, DateTimeOffset at) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["displayName"] = displayName,
        ["desc"] = desc,
        ["descData"] = new JsonObject { ["emoji"] = new JsonObject() },
        ["url"] = $"https://trello.com/w/{name}",
        ["website"] = website,
        ["teamType"] = null,
        ["logoHash"] = null,
        ["logoUrl"] = null,
        ["offering"] = "trello.free",
        ["products"] = new JsonArray(),
        ["powerUps"] = new JsonArray(),
        ["idBoards"] = new JsonArray(),
        ["memberships"] = new JsonArray(),
        ["dateLastActivity"] = Iso(at),
    };

    private static HashSet<string> Keys(JsonObject shape) => shape.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);

    private TrelloResponse WithOrganization(TrelloCall call, Func<JsonObject, TrelloResponse> then)
    {
        var (org, error) = FindOrganization(call.Route("id"));
        return org is null ? error! : then(org);
    }

    // Workspaces are addressed by id or by their unique name.
    private (JsonObject? Org, TrelloResponse? Error) FindOrganization(string raw)
    {
        if (TrelloIds.IsId(raw))
        {
            return ById(Organizations, raw);
        }
        var name = raw.ToLowerInvariant();
        var found = First(Organizations, o => Str(o, "name") == name);
        return found is null ? (null, TrelloResponse.NotFound()) : (found, null);
    }

    private bool OrganizationNameTaken(string name, string? exceptId) =>
        Organizations.Where(o => Str(o, "name") == name && Str(o, "id") != exceptId).Count > 0;

    // Trello strips what a name may not hold; a name in use gets digits appended.
    private (string? Name, TrelloResponse? Error) OrganizationName(TrelloArgs args, string? displayName, string? exceptId)
    {
        var (given, error) = TextArg(args, "name", max: 100);
        if (error is not null)
        {
            return (null, error);
        }
        if (given is null && displayName is null)
        {
            return (null, null);
        }
        var name = TrelloNames.Normalise(given ?? displayName!);
        if (name.Length < TrelloNames.MinLength)
        {
            if (given is not null)
            {
                return (null, TrelloResponse.Invalid("name"));
            }
            name += "workspace";
        }
        return (TrelloNames.MakeUnique(name, n => OrganizationNameTaken(n, exceptId)), null);
    }

    private static (string? Website, TrelloResponse? Error) WebsiteArg(TrelloArgs args)
    {
        var (website, error) = TextArg(args, "website");
        if (error is not null || string.IsNullOrEmpty(website))
        {
            return (website, error);
        }
        return Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? (website, null)
            : (null, TrelloResponse.Invalid("website"));
    }

    internal (JsonObject? Org, TrelloResponse Response) CreateOrganization(TrelloArgs args, string actorId)
    {
        var (displayName, e1) = TextArg(args, "displayName", min: 1, required: true);
        var (desc, e2) = TextArg(args, "desc");
        var (website, e3) = WebsiteArg(args);
        if ((e1 ?? e2 ?? e3) is { } error)
        {
            return (null, error);
        }
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return (null, TrelloResponse.Invalid("displayName"));
        }
        lock (_write)
        {
            var (name, nameError) = OrganizationName(args, displayName, null);
            if (nameError is not null)
            {
                return (null, nameError);
            }
            var now = Now;
            var org = NewOrganization(_ids.New(now), name!, displayName!, desc ?? "", string.IsNullOrEmpty(website) ? null : website, now);
            var id = Str(org, "id");
            foreach (var admin in new[] { actorId, MeId }.Distinct())
            {
                AddMembership(org, admin, "admin", now);
            }
            Organizations.Put(id, org, OriginOf(actorId));
            foreach (var admin in new[] { actorId, MeId }.Distinct())
            {
                LinkMember(admin, "idOrganizations", id, add: true, OriginOf(actorId));
            }
            Record(ActionTypes.CreateOrganization, new JsonObject { ["organization"] = OrgRef(org) }, actorId, now);
            return (org, TrelloResponse.Ok(org));
        }
    }

    internal TrelloResponse UpdateOrganization(string id, TrelloArgs args, string actorId)
    {
        var (displayName, e1) = TextArg(args, "displayName", min: 1);
        var (desc, e2) = TextArg(args, "desc");
        var (website, e3) = WebsiteArg(args);
        if ((e1 ?? e2 ?? e3) is { } error)
        {
            return error;
        }
        if (displayName is not null && string.IsNullOrWhiteSpace(displayName))
        {
            return TrelloResponse.Invalid("displayName");
        }
        lock (_write)
        {
            var org = Organizations.Get(id);
            if (org is null)
            {
                return TrelloResponse.NotFound();
            }
            var (name, nameError) = args.Has("name") ? OrganizationName(args, null, id) : (null, null);
            if (nameError is not null)
            {
                return nameError;
            }
            var old = new JsonObject();
            Change(org, old, "displayName", displayName);
            Change(org, old, "desc", desc);
            if (website is not null)
            {
                Change(org, old, "website", website.Length == 0 ? null : JsonValue.Create(website));
            }
            if (Change(org, old, "name", name))
            {
                org["url"] = $"https://trello.com/w/{name}";
            }
            if (old.Count > 0)
            {
                var now = Now;
                Touch("organizations", org, now);
                Organizations.Put(id, org, OriginOf(actorId));
                Record(ActionTypes.UpdateOrganization, new JsonObject { ["organization"] = OrgRef(org), ["old"] = old }, actorId, now);
            }
            return TrelloResponse.Ok(org);
        }
    }

    internal TrelloResponse DeleteOrganization(string id, string actorId)
    {
        lock (_write)
        {
            var org = Organizations.Get(id);
            if (org is null)
            {
                return TrelloResponse.NotFound();
            }
            // Boards outlive their workspace in Trello: they become the members' own boards.
            foreach (var boardId in Ids(org["idBoards"]))
            {
                if (Boards.Get(boardId) is { } board)
                {
                    board["idOrganization"] = null;
                    Boards.Put(boardId, board, OriginOf(actorId));
                }
            }
            foreach (var membership in (org["memberships"] as JsonArray ?? []).OfType<JsonObject>())
            {
                LinkMember(Str(membership, "idMember"), "idOrganizations", id, add: false, OriginOf(actorId));
            }
            Organizations.Remove(id, OriginOf(actorId));
            return TrelloResponse.Deleted();
        }
    }

    private TrelloResponse OrganizationMembers(JsonObject org, TrelloCall call)
    {
        var filter = call.Args.Raw("filter") ?? "all";
        if (!call.Args.Text("filter").Valid || filter is not ("all" or "normal" or "admins" or "owners" or "none"))
        {
            return TrelloResponse.Invalid("filter");
        }
        var memberships = (org["memberships"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(m => filter switch
            {
                "none" => false,
                "admins" or "owners" => Str(m, "memberType") == "admin",
                "normal" => Str(m, "memberType") == "normal",
                _ => true,
            })
            .Select(m => Str(m, "idMember"))
            .ToList();
        var members = memberships.Select(Members.Get).OfType<JsonObject>().Select(m => MemberView(m, call.Caller.MemberId));
        return ListWithFields(call.Args, members, MemberFields, MemberListFields);
    }

    private TrelloResponse OrganizationBoards(JsonObject org, TrelloArgs args)
    {
        var filter = args.Raw("filter") ?? "all";
        if (!args.Text("filter").Valid || filter is not ("all" or "open" or "closed" or "members" or "organization" or "public"))
        {
            return TrelloResponse.Invalid("filter");
        }
        var id = Str(org, "id");
        var boards = Boards.Where(b => (string?)b["idOrganization"] == id && filter switch
        {
            "open" => b["closed"]?.GetValue<bool>() != true,
            "closed" => b["closed"]?.GetValue<bool>() == true,
            "public" => false,
            _ => true,
        });
        return ListWithFields(args, boards, BoardFields);
    }
}
