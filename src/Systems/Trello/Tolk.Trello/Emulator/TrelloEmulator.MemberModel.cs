using System.Text.Json.Nodes;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    private static readonly HashSet<string> MemberFields = Keys(NewMember("", "", "", ""));

    internal static JsonObject NewMember(string id, string fullName, string username, string email)
    {
        var avatarHash = TrelloIds.Hex("avatar:" + email, 32);
        return new JsonObject
        {
            ["id"] = id,
            ["activityBlocked"] = false,
            ["avatarHash"] = avatarHash,
            ["avatarUrl"] = $"https://trello-members.s3.amazonaws.com/{id}/{avatarHash}",
            ["bio"] = "",
            ["bioData"] = null,
            ["confirmed"] = true,
            ["fullName"] = fullName,
            ["idEnterprise"] = null,
            ["idMemberReferrer"] = null,
            ["idPremOrgsAdmin"] = new JsonArray(),
            ["initials"] = TrelloNames.Initials(fullName),
            ["memberType"] = "normal",
            ["nonPublic"] = new JsonObject(),
            ["nonPublicAvailable"] = true,
            ["products"] = new JsonArray(),
            ["url"] = $"https://trello.com/{username}",
            ["username"] = username,
            ["status"] = "disconnected",
            ["email"] = email,
            ["idBoards"] = new JsonArray(),
            ["idOrganizations"] = new JsonArray(),
        };
    }

    private bool UsernameTaken(string username) => Members.Where(m => Str(m, "username") == username).Count > 0;

    // A person signing up for Trello and joining a workspace: accounts are never made through the API.
    private (JsonObject? Member, string? Error) PersonSignsUp(JsonObject fields)
    {
        var args = TrelloArgs.FromJson(fields);
        var (fullName, e1) = TextArg(args, "fullName", min: 1, required: true);
        var (email, e2) = TextArg(args, "email", max: 254, min: 3, required: true);
        var (username, e3) = TextArg(args, "username", max: 100, min: TrelloNames.MinLength);
        var (idOrganization, e4) = TextArg(args, "idOrganization", max: 100);
        if ((e1 ?? e2 ?? e3 ?? e4) is { } error)
        {
            return (null, error.Text);
        }
        if (!email!.Contains('@', StringComparison.Ordinal) || (username is not null && !TrelloNames.IsValid(username)))
        {
            return (null, !email.Contains('@', StringComparison.Ordinal) ? "invalid value for email" : "invalid value for username");
        }
        lock (_write)
        {
            JsonObject? org = null;
            if (idOrganization is not null && (org = FindOrganization(idOrganization).Org) is null)
            {
                return (null, "invalid value for idOrganization");
            }
            var name = username ?? TrelloNames.MakeUnique(Pad(TrelloNames.FromPersonName(fullName!)), UsernameTaken);
            if (UsernameTaken(name))
            {
                return (null, "Username is taken");
            }
            var now = Now;
            var member = NewMember(_ids.New(now), fullName!, name, email);
            Members.Put(Str(member, "id"), member, Tolk.Emulation.Data.ChangeOrigin.Person);
            if (org is not null)
            {
                JoinOrganization(org, Str(member, "id"), PersonId, now);
            }
            return (Members.Get(Str(member, "id")), null);
        }
    }

    private static string Pad(string username) => username.Length >= TrelloNames.MinLength ? username : username + "_user";

    // Adds a member to a workspace and to its boards, as an admin's invitation does.
    private void JoinOrganization(JsonObject org, string memberId, string actorId, DateTimeOffset at)
    {
        var orgId = Str(org, "id");
        var origin = OriginOf(actorId);
        AddMembership(org, memberId, "normal", at);
        Organizations.Put(orgId, org, origin);
        LinkMember(memberId, "idOrganizations", orgId, add: true, origin);
        foreach (var boardId in Ids(org["idBoards"]))
        {
            if (Boards.Get(boardId) is { } board)
            {
                AddMembership(board, memberId, "normal", at);
                Boards.Put(boardId, board, origin);
                LinkMember(memberId, "idBoards", boardId, add: true, origin);
            }
        }
        if (Members.Get(memberId) is { } member)
        {
            Record(ActionTypes.AddMemberToOrganization, new JsonObject
            {
                ["organization"] = OrgRef(org), ["member"] = MemberRef(member), ["idMember"] = memberId,
            }, actorId, at);
        }
    }
}
