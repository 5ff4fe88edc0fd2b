using System.Text.Json.Nodes;

namespace Tolk.Emulation.Data;

/// <summary>What happened to a record in an emulator's database.</summary>
public enum ChangeKind
{
    /// <summary>The record was created.</summary>
    Created,
    /// <summary>One or more fields changed.</summary>
    Updated,
    /// <summary>The record was removed (or soft-deleted, where the system does that).</summary>
    Deleted,
}

/// <summary>Who caused a change: the API (a client such as Tolk) or a person through the admin channel.</summary>
public enum ChangeOrigin
{
    /// <summary>A call to the system's real API.</summary>
    Api,
    /// <summary>A person's edit, simulated through <c>/_emulator/</c>.</summary>
    Person,
}

/// <summary>One change to one record, raised by <see cref="RecordTable"/> after it is applied.</summary>
public sealed record RecordChange(
    string Collection,
    string Id,
    ChangeKind Kind,
    ChangeOrigin Origin,
    JsonObject? Before,
    JsonObject? After,
    DateTimeOffset At);
