namespace Tolk.Server.Feed;

/// <summary>One change the hub saw: a new version of a record in one system.</summary>
/// <param name="Seq">The version's place in the hub log.</param>
/// <param name="At">When Tolk saw it.</param>
/// <param name="System">The system the record lives in.</param>
/// <param name="Datatype">Its datatype there.</param>
/// <param name="RecordId">Its id there.</param>
/// <param name="Title">Its name, title or e-mail, when it has one.</param>
/// <param name="Kind"><c>created</c>, <c>updated</c> or <c>deleted</c>.</param>
/// <param name="Fields">The fields that changed, under the system's own names.</param>
/// <param name="Origin"><c>edit</c> (read from the system: a person or another program changed it), <c>tolk</c> (Tolk wrote it), or null (seen before the server started).</param>
/// <param name="From">The system the change came from (for Tolk's writes, where the edit was made).</param>
/// <param name="ClusterId">The cluster the record belongs to, when linked.</param>
/// <param name="GlobalType">The cluster's global type (organization, person, project, task, product).</param>
public sealed record ChangeItem(
    long Seq,
    DateTimeOffset At,
    string System,
    string Datatype,
    string RecordId,
    string? Title,
    string Kind,
    IReadOnlyList<string> Fields,
    string? Origin,
    string? From,
    long? ClusterId,
    string? GlobalType);
