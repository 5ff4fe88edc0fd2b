using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Engine.Index;

/// <summary>The latest version of one record, as the engine last processed it.</summary>
public sealed class IndexedRecord
{
    internal IndexedRecord(RecordVersion version, JsonObject content, long firstSeq)
    {
        Version = version;
        Content = content;
        FirstSeq = firstSeq;
    }

    /// <summary>The version.</summary>
    public RecordVersion Version { get; }

    /// <summary>Its content, parsed.</summary>
    public JsonObject Content { get; }

    /// <summary>The sequence number of the record's first version: when Tolk first saw it.</summary>
    public long FirstSeq { get; }

    /// <summary>The record's id in its system.</summary>
    public string Id => Version.RecordId;

    /// <summary>Whether the system reported it deleted.</summary>
    public bool Deleted => Version.Deleted;

    /// <summary>
    /// When the record last changed: the system's modification time, else when Tolk saw the change. Where the system
    /// keeps no modification time, the first version Tolk sees is no change it saw, only what the record holds, set at
    /// some unknown time: that counts as <see cref="DateTimeOffset.MinValue"/>, so a value with a known time beats it (a
    /// Trello member who signs up as "Astrid" does not rename Astrid Solberg in every system when Tolk first links them).
    /// </summary>
    public DateTimeOffset ChangedAt => Version.ModifiedAt ?? (Version.Seq == FirstSeq ? DateTimeOffset.MinValue : Version.ObservedAt);
}
