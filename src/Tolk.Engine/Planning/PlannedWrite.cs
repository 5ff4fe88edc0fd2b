using System.Text.Json.Nodes;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Planning;

/// <summary>A write the plan calls for: to bring one record of one system in line with its cluster's golden record.</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="Target">The mapping written to.</param>
/// <param name="Fields">The fields to send, under the API's names.</param>
/// <param name="Synced">The values the member holds once the write is done (system form): its new synchronized values.</param>
/// <param name="Flows">The flows the write serves (for the figures).</param>
public abstract record PlannedWrite(long ClusterId, Participant Target, JsonObject Fields, IReadOnlyDictionary<string, CanonicalValue?> Synced, IReadOnlyList<int> Flows)
{
    /// <summary>Why, in words a person reads (which properties, changed where).</summary>
    public string Reason { get; init; } = "";
}

/// <summary>An update of a linked record.</summary>
public sealed record PlannedUpdate(long ClusterId, Participant Target, string RecordId, JsonObject Fields, IReadOnlyDictionary<string, CanonicalValue?> Synced, IReadOnlyList<int> Flows)
    : PlannedWrite(ClusterId, Target, Fields, Synced, Flows)
{
    /// <summary>The membership written to.</summary>
    public MemberKey Member => Target.Member(RecordId);
}

/// <summary>An insert of the record a flow's source needs in its target.</summary>
/// <param name="Source">The source membership the record is created for (named in errors).</param>
/// <param name="MatchFields">Merge-key fields the connector may find a lost create by.</param>
public sealed record PlannedInsert(long ClusterId, Participant Target, JsonObject Fields, IReadOnlyDictionary<string, CanonicalValue?> Synced, IReadOnlyList<int> Flows,
    MemberKey Source, IReadOnlyDictionary<string, string> MatchFields)
    : PlannedWrite(ClusterId, Target, Fields, Synced, Flows);
