using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    private System.Collections.Concurrent.ConcurrentDictionary<(string Member, string Field), List<string>>? _seedLinks;

    internal TrelloResponse RemoveOrganizationMember(string orgId, string rawMember, string actorId)
    {
        if (!TrelloIds.IsId(rawMember))
        {
            return TrelloResponse.InvalidId();
        }
        var memberId = rawMember.ToLowerInvariant();
        lock (_write)
        {
            var org = Organizations.Get(orgId)!;
            var memberships = org["memberships"] as JsonArray ?? [];
            var membership = memberships.OfType<JsonObject>().FirstOrDefault(m => Str(m, "idMember") == memberId);
            if (membership is null || Members.Get(memberId) is not { } member)
            {
                return TrelloResponse.NotFound();
            }
            memberships.Remove(membership);
            Touch("organizations", org, Now);
            Organizations.Put(orgId, org, OriginOf(actorId));
            LinkMember(memberId, "idOrganizations", orgId, add: false, OriginOf(actorId));
            foreach (var boardId in Ids(org["idBoards"]))
            {
                RemoveBoardMembership(boardId, memberId, OriginOf(actorId));
            }
            Record(ActionTypes.RemoveMemberFromOrganization, new JsonObject
            {
                ["organization"] = OrgRef(org), ["member"] = MemberRef(member), ["idMember"] = memberId,
            }, actorId, Now);
            return TrelloResponse.Ok(org);
        }
    }

    private void AddMembership(JsonObject model, string memberId, string type, DateTimeOffset at)
    {
        var memberships = (JsonArray)model["memberships"]!;
        if (memberships.OfType<JsonObject>().Any(m => Str(m, "idMember") == memberId))
        {
            return;
        }
        memberships.Add(new JsonObject
        {
            ["id"] = _ids.New(at), ["idMember"] = memberId, ["memberType"] = type, ["unconfirmed"] = false, ["deactivated"] = false,
        });
    }

    // Keeps a member's idOrganizations / idBoards in step with the workspace's or board's memberships.
    private void LinkMember(string memberId, string field, string id, bool add, ChangeOrigin origin)
    {
        if (_seedLinks is not null && add)
        {
            // While seeding, links are gathered and written once per member: "me" alone is in every workspace.
            _seedLinks.GetOrAdd((memberId, field), _ => []).Add(id);
            return;
        }
        if (Members.Get(memberId) is not { } member)
        {
            return;
        }
        var ids = (JsonArray)member[field]!;
        var present = ids.Any(n => (string?)n == id);
        if (add == present)
        {
            return;
        }
        if (add)
        {
            ids.Add(id);
        }
        else
        {
            ids.Remove(ids.First(n => (string?)n == id));
        }
        Members.Put(memberId, member, origin);
    }
}
