using System.Text.Json.Nodes;

namespace Tolk.Server.Api;

/// <summary>What waits for a person: ambiguous matches to settle, and other things Tolk will not do on its own.</summary>
/// <param name="Current">False when a sync cycle held the engine and the ambiguities are the ones seen last.</param>
/// <param name="Ambiguities">Records with several matches, each with the records a person can link it to.</param>
/// <param name="Blocks">Other things that wait, with their reasons.</param>
public sealed record AttentionView(bool Current, IReadOnlyList<AmbiguityView> Ambiguities, IReadOnlyList<BlockView> Blocks);

/// <summary>A record one flow's merge criteria match to several records on the other side; link it to one by hand.</summary>
/// <param name="Flow">The flow's number.</param>
/// <param name="Route">The flow (<c>source → target</c>).</param>
/// <param name="Record">The record with several matches.</param>
/// <param name="Side">Where the candidates are (<c>system.datatype[:role]</c>).</param>
/// <param name="Keys">The merge properties the candidates share with it.</param>
/// <param name="Candidates">The records to choose from.</param>
/// <param name="ErrorIds">The match errors it explains; linking resolves them.</param>
public sealed record AmbiguityView(int Flow, string Route, RecordCard Record, string Side, IReadOnlyList<string> Keys, IReadOnlyList<RecordCard> Candidates,
    IReadOnlyList<long> ErrorIds);

/// <summary>A record as a person chooses between records: its name and the values that tell it apart.</summary>
/// <param name="System">Its system.</param>
/// <param name="Datatype">Its datatype.</param>
/// <param name="Role">Its role (empty for a datatype's primary mapping).</param>
/// <param name="RecordId">Its id in its system.</param>
/// <param name="Title">Its name, title or e-mail.</param>
/// <param name="ClusterId">The cluster it is linked in, or null.</param>
/// <param name="Values">Its values in the shared model (references left out).</param>
public sealed record RecordCard(string System, string Datatype, string Role, string RecordId, string? Title, long? ClusterId, IReadOnlyDictionary<string, JsonNode?> Values);

/// <summary>Something else that waits for a person.</summary>
/// <param name="Kind"><c>match</c> (a match error that is no listed ambiguity), <c>held-deletes</c> (a mass deletion held; retry its error to confirm) or <c>waiting</c> (writes waiting for a record to be linked).</param>
/// <param name="System">The record's system, when it is about one record.</param>
/// <param name="Datatype">The record's datatype.</param>
/// <param name="RecordId">The record's id.</param>
/// <param name="Target">Where waiting writes would go (<c>system.datatype[:role]</c> and property).</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Count">How many writes wait for this reason (1 for the others).</param>
/// <param name="ErrorId">The error to retry, when there is one.</param>
public sealed record BlockView(string Kind, string? System, string? Datatype, string? RecordId, string? Target, string Reason, int Count, long? ErrorId);

/// <summary>Names one record: system, datatype and id, with the role for a datatype's second mapping.</summary>
/// <param name="System">The system, e.g. <c>asana</c>.</param>
/// <param name="Datatype">The datatype, e.g. <c>team</c>.</param>
/// <param name="RecordId">The record's id in its system.</param>
/// <param name="Role">The role, for a datatype mapped twice (e.g. <c>project</c> for Asana tasks as projects); empty or null otherwise.</param>
public sealed record RecordKey(string? System, string? Datatype, string? RecordId, string? Role = null);

/// <summary>Two records to link by hand.</summary>
/// <param name="Record">One record.</param>
/// <param name="Other">The record it is the same thing as, in another system.</param>
public sealed record LinkRequest(RecordKey? Record, RecordKey? Other);

/// <summary>What linking or unlinking did.</summary>
/// <param name="ClusterId">The cluster the records are linked in (null after an unlink).</param>
/// <param name="Message">What happened, in words.</param>
public sealed record LinkResult(long? ClusterId, string Message);
