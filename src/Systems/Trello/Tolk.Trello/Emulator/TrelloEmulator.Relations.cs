using System.Text.Json.Nodes;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

/// <summary>
/// The nested reads Trello's reference offers on each model (a card's board, list and members, a list's board, a board's
/// memberships, a member's cards, an action's board, card, list, creator and organization), which clients such as
/// trello.js expose one method each.
/// </summary>
public sealed partial class TrelloEmulator
{
    private void DefineRelationRoutes()
    {
        _routes.Get("/cards/{id}/board", c => WithCard(c, card => Related(c, Boards, Str(card, "idBoard"))));
        _routes.Get("/cards/{id}/list", c => WithCard(c, card => Related(c, Lists, Str(card, "idList"))));
        _routes.Get("/cards/{id}/members", c => WithCard(c, card =>
        {
            var ids = Ids(card["idMembers"]);
            var members = Members.Where(m => ids.Contains(Str(m, "id"))).Select(m => MemberView(m, c.Caller.MemberId));
            return ListWithFields(c.Args, members, MemberFields, MemberListFields);
        }));
        _routes.Get("/lists/{id}/board", c => WithList(c, list => Related(c, Boards, Str(list, "idBoard"))));
        _routes.Get("/boards/{id}/memberships", c => WithBoard(c, board =>
            TrelloResponse.Ok(board["memberships"]?.DeepClone() ?? new JsonArray())));
        _routes.Get("/members/{id}/cards", c => WithMember(c, member =>
            CardsWhere(c.Args, "visible", card => Ids(card["idMembers"]).Contains(Str(member, "id")))));
        _routes.Get("/actions/{id}/board", c => WithAction(c, a => Related(c, Boards, RefId(a, "board"))));
        _routes.Get("/actions/{id}/card", c => WithAction(c, a => Related(c, Cards, RefId(a, "card"))));
        _routes.Get("/actions/{id}/list", c => WithAction(c, a => Related(c, Lists, RefId(a, "list"))));
        _routes.Get("/actions/{id}/organization", c => WithAction(c, a => Related(c, Organizations, RefId(a, "organization"))));
        _routes.Get("/actions/{id}/memberCreator", c => WithAction(c, a =>
            Members.Get(Str(a, "idMemberCreator")) is { } member ? ViewWithFields(c.Args, MemberView(member, c.Caller.MemberId)) : TrelloResponse.NotFound()));
    }

    // The model another one refers to; Trello answers 404 when the reference is gone or was never there.
    private static TrelloResponse Related(TrelloCall call, Emulation.Data.RecordTable table, string? id) =>
        id is not null && table.Get(id) is { } model ? ViewWithFields(call.Args, model) : TrelloResponse.NotFound();
}
