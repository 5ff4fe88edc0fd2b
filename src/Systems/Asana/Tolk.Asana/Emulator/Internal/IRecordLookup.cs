using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>What rendering needs from the store: a referenced record in full, and any record's current name.</summary>
internal interface IRecordLookup
{
    /// <summary>A copy of the stored record of that type and gid, or null.</summary>
    JsonObject? Find(string resourceType, string gid);

    /// <summary>The current name of the record with that gid, or null.</summary>
    string? NameOf(string gid);
}
