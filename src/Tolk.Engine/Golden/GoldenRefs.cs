using Tolk.Hub.Store;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Golden;

/// <summary>
/// How golden records hold references, independent of any one system: to a cluster (<c>by = cluster</c>), to a record
/// not linked yet (<c>by = record</c>, key <c>system/datatype/id</c>), or by a property value such as an e-mail address
/// that no linked record has yet (<c>by = email</c>).
/// </summary>
public static class GoldenRefs
{
    /// <summary>The marker of a reference to a cluster.</summary>
    public const string Cluster = "cluster";

    /// <summary>The marker of a reference to a record that is not linked yet.</summary>
    public const string Record = "record";

    /// <summary>A reference to a cluster.</summary>
    public static ReferenceValue ToCluster(string type, long clusterId) => new(type, clusterId.ToString(System.Globalization.CultureInfo.InvariantCulture), Cluster);

    /// <summary>A reference to a record that is not linked yet.</summary>
    public static ReferenceValue ToRecord(string type, Dataset dataset, string id) => new(type, $"{dataset.System}/{dataset.Datatype}/{id}", Record);

    /// <summary>The cluster a golden reference names, or null.</summary>
    public static long? ClusterOf(ReferenceValue reference) =>
        reference.By == Cluster && long.TryParse(reference.Key, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The record a golden reference to an unlinked record names, or null.</summary>
    public static (Dataset Dataset, string Id)? RecordOf(ReferenceValue reference)
    {
        if (reference.By != Record || reference.Key.Split('/', 3) is not [var system, var datatype, var id])
        {
            return null;
        }

        return (new Dataset(system, datatype), id);
    }

    /// <summary>The label of a member, as golden records name who changed a value.</summary>
    public static string Label(MemberKey member) => $"{member.Dataset.System}/{member.Dataset.Datatype}/{member.RecordId}";
}
