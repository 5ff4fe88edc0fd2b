namespace Tolk.Trello.Emulator.Internal;

/// <summary>The action types Trello's <c>filter</c> parameter accepts (from its API reference).</summary>
internal static class ActionTypes
{
    public const string CommentCard = "commentCard";
    public const string UpdateComment = "updateComment";
    public const string DeleteComment = "deleteComment";
    public const string CreateCard = "createCard";
    public const string UpdateCard = "updateCard";
    public const string DeleteCard = "deleteCard";
    public const string CreateList = "createList";
    public const string UpdateList = "updateList";
    public const string CreateBoard = "createBoard";
    public const string UpdateBoard = "updateBoard";
    public const string CreateOrganization = "createOrganization";
    public const string UpdateOrganization = "updateOrganization";
    public const string AddMemberToOrganization = "addMemberToOrganization";
    public const string RemoveMemberFromOrganization = "removeMemberFromOrganization";
    public const string UpdateMember = "updateMember";

    public static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "addAttachmentToCard", "addChecklistToCard", "addMemberToBoard", "addMemberToCard", AddMemberToOrganization,
        "addToOrganizationBoard", CommentCard, "convertToCardFromCheckItem", "copyBoard", "copyCard", "copyCommentCard",
        CreateBoard, CreateCard, CreateList, CreateOrganization, "deleteAttachmentFromCard", "deleteBoardInvitation",
        DeleteCard, DeleteComment, "deleteOrganizationInvitation", "disablePowerUp", "emailCard", "enablePowerUp",
        "makeAdminOfBoard", "makeNormalMemberOfBoard", "makeNormalMemberOfOrganization", "makeObserverOfBoard",
        "memberJoinedTrello", "moveCardFromBoard", "moveCardToBoard", "moveListFromBoard", "moveListToBoard",
        "removeChecklistFromCard", "removeFromOrganizationBoard", "removeMemberFromBoard", "removeMemberFromCard",
        RemoveMemberFromOrganization, "unconfirmedBoardInvitation", "unconfirmedOrganizationInvitation", UpdateBoard,
        UpdateCard, "updateCheckItem", "updateCheckItemStateOnCard", "updateChecklist", UpdateComment, UpdateList,
        UpdateMember, UpdateOrganization,
    };
}
