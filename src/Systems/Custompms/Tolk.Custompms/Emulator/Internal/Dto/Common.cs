using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Tolk.Custompms.Emulator.Internal.Dto;

/// <summary>Every Custompms error body.</summary>
internal sealed record ErrorBody(
    [property: Description("validation_failed, unauthorized, not_found, method_not_allowed, conflict, sequence_expired, rate_limited or internal_error.")]
    string Error,
    [property: Description("What went wrong, for people.")]
    string Message,
    [property: Description("The field, query parameter or header at fault, or null.")]
    string? Field);

/// <summary>What happened to a record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeOp>))]
internal enum ChangeOp
{
    [JsonStringEnumMemberName("upsert")] Upsert,
    [JsonStringEnumMemberName("delete")] Delete,
}

/// <summary>The collections the change log reports on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CollectionName>))]
internal enum CollectionName
{
    [JsonStringEnumMemberName("customers")] Customers,
    [JsonStringEnumMemberName("projects")] Projects,
    [JsonStringEnumMemberName("tasks")] Tasks,
}

/// <summary>One change-log entry.</summary>
internal sealed record Change(
    [property: Description("Position in the log; contiguous and increasing.")] long Seq,
    CollectionName Collection,
    Guid Id,
    [property: Description("upsert: created or replaced, read it by id; delete: it is gone.")] ChangeOp Op,
    [property: Description("When the change happened (the record's modifiedAt for an upsert).")] DateTimeOffset At);

/// <summary>A page of the change log.</summary>
internal sealed record ChangePage(
    IReadOnlyList<Change> Changes,
    [property: Description("Pass as since next time: the last entry's seq, or the head when there are none.")] long LastSeq);

/// <summary>Descriptions shared by several schemas.</summary>
internal static class Text
{
    public const string CreatedAt = "RFC 3339, UTC, with milliseconds.";
    public const string ModifiedAt = "RFC 3339, UTC, with milliseconds; moves on every write, through the API or a person's edit.";
    public const string Key = "Unique (case-insensitively), e.g. PRJ-12.";
    public const string KeyInput = "Unique (case-insensitively); assigned as PRJ-<n> on create when left out, kept on replace when left out.";
}
