using System.Text.Json.Nodes;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    // Member listings give id, fullName and username unless `fields` asks for more.
    private const string MemberListFields = "fullName,username";

    private void DefineMemberRoutes()
    {
        _routes.Get("/members/{id}", c => WithMember(c, m => ViewWithFields(c.Args, MemberView(m, c.Caller.MemberId))));
        _routes.Put("/members/{id}", c => WithMember(c, m => UpdateMember(Str(m, "id"), c.Args, c.Caller.MemberId)));
        _routes.Get("/members/{id}/organizations", c => WithMember(c, m => MemberOrganizations(m, c.Args)));
        _routes.Get("/members/{id}/boards", c => WithMember(c, m => MemberBoards(m, c.Args)));
        _routes.Get("/members/{id}/actions", c => WithMember(c, m =>
        {
            var id = Str(m, "id");
            return ListActions(c.Args, "all", a => Str(a, "idMemberCreator") == id || RefId(a, "member") == id);
        }));
    }

    private TrelloResponse WithMember(TrelloCall call, Func<JsonObject, TrelloResponse> then)
    {
        var (member, error) = FindMember(call.Route("id"), call.Caller.MemberId);
        return member is null ? error! : then(member);
    }

    // Members are addressed by id, username or "me".
    private (JsonObject? Member, TrelloResponse? Error) FindMember(string raw, string callerId)
    {
        if (raw == "me")
        {
            raw = callerId;
        }
        if (TrelloIds.IsId(raw))
        {
            return ById(Members, raw);
        }
        var username = raw.ToLowerInvariant();
        var found = First(Members, m => Str(m, "username") == username);
        return found is null ? (null, TrelloResponse.NotFound()) : (found, null);
    }

    // An email is shown to the member themself and to admins of a workspace the member is in.
    private JsonObject MemberView(JsonObject member, string viewerId)
    {
        if (Str(member, "id") != viewerId && !SharesAdminWorkspace(member, viewerId))
        {
            member["email"] = null;
        }
        return member;
    }

    private bool SharesAdminWorkspace(JsonObject member, string adminId) =>
        (member["idOrganizations"] as JsonArray ?? []).Select(n => (string?)n).OfType<string>()
            .Any(orgId => Organizations.Get(orgId) is { } org && IsAdmin(org, adminId));

    private static bool IsAdmin(JsonObject org, string memberId) =>
        (org["memberships"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(m => Str(m, "idMember") == memberId && Str(m, "memberType") == "admin");

    private static TrelloResponse ViewWithFields(TrelloArgs args, JsonObject model, string? defaults = null)
    {
        var (fields, error) = FieldSelection.Parse(args, model.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal), defaults);
        return error ?? TrelloResponse.Ok(FieldSelection.Apply(model, fields));
    }

    private static TrelloResponse ListWithFields(TrelloArgs args, IEnumerable<JsonObject> models, IReadOnlySet<string> shape,
        string? defaults = null)
    {
        var (fields, error) = FieldSelection.Parse(args, shape, defaults);
        return error ?? TrelloResponse.Ok(new JsonArray(models.Select(m => (JsonNode)FieldSelection.Apply(m, fields)).ToArray()));
    }

    private TrelloResponse MemberOrganizations(JsonObject member, TrelloArgs args)
    {
        var filter = args.Raw("filter") ?? "all";
        if (!args.Text("filter").Valid || filter is not ("all" or "members" or "none" or "public"))
        {
            return TrelloResponse.Invalid("filter");
        }
        var ids = Ids(member["idOrganizations"]);
        var orgs = filter is "none" or "public" ? [] : Organizations.Where(o => ids.Contains(Str(o, "id")));
        return ListWithFields(args, orgs, OrganizationFields);
    }

    private TrelloResponse MemberBoards(JsonObject member, TrelloArgs args)
    {
        var filter = args.Raw("filter") ?? "all";
        if (!args.Text("filter").Valid || filter is not ("all" or "closed" or "members" or "open" or "organization" or "public" or "starred"))
        {
            return TrelloResponse.Invalid("filter");
        }
        var ids = Ids(member["idBoards"]);
        var boards = Boards.Where(b => ids.Contains(Str(b, "id")) && filter switch
        {
            "open" => b["closed"]?.GetValue<bool>() != true,
            "closed" => b["closed"]?.GetValue<bool>() == true,
            "public" or "starred" => false,
            _ => true,
        });
        return ListWithFields(args, boards, BoardFields);
    }

    internal TrelloResponse UpdateMember(string id, TrelloArgs args, string actorId)
    {
        lock (_write)
        {
            var member = Members.Get(id);
            if (member is null)
            {
                return TrelloResponse.NotFound();
            }
            if (id != actorId && !SharesAdminWorkspace(member, actorId) && actorId != PersonId)
            {
                return TrelloResponse.Error(401, "unauthorized member permission requested");
            }
            var (fullName, e1) = TextArg(args, "fullName", max: 16384, min: 1);
            var (initials, e2) = TextArg(args, "initials", max: 4, min: 1);
            var (username, e3) = TextArg(args, "username", max: 100, min: TrelloNames.MinLength);
            var (bio, e4) = TextArg(args, "bio");
            if ((e1 ?? e2 ?? e3 ?? e4) is { } error)
            {
                return error;
            }
            if (fullName is not null && string.IsNullOrWhiteSpace(fullName))
            {
                return TrelloResponse.Invalid("fullName");
            }
            if (username is not null && !TrelloNames.IsValid(username))
            {
                return TrelloResponse.Invalid("username");
            }
            if (username is not null && username != Str(member, "username") && Members.Where(m => Str(m, "username") == username).Count > 0)
            {
                return TrelloResponse.Error(400, "Username is taken");
            }
            var old = new JsonObject();
            Change(member, old, "fullName", fullName);
            Change(member, old, "initials", initials);
            Change(member, old, "bio", bio);
            if (Change(member, old, "username", username))
            {
                member["url"] = $"https://trello.com/{username}";
            }
            if (old.Count > 0)
            {
                Members.Put(id, member, OriginOf(actorId));
                Record(ActionTypes.UpdateMember, new JsonObject { ["member"] = MemberRef(member), ["old"] = old }, actorId, Now);
            }
            return TrelloResponse.Ok(MemberView(member, actorId));
        }
    }

    // Sets a field when the value differs, remembering the old value the way Trello's `data.old` does.
    private static bool Change(JsonObject record, JsonObject old, string name, JsonNode? value)
    {
        if (JsonNode.DeepEquals(record[name], value))
        {
            return false;
        }
        old[name] = record[name]?.DeepClone();
        record[name] = value?.DeepClone();
        return true;
    }

    private static bool Change(JsonObject record, JsonObject old, string name, string? value) =>
        value is not null && Change(record, old, name, (JsonNode)JsonValue.Create(value));

    private static HashSet<string> Ids(JsonNode? array) =>
        (array as JsonArray ?? []).Select(n => (string?)n).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
