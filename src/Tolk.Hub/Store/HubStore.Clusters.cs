using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>Clusters and their members: the links. A flow's links are a query over members, not stored pairs.</summary>
public abstract partial class HubStore
{
    /// <inheritdoc/>
    public async Task<Cluster?> GetClusterAsync(long clusterId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadClusterAsync(connection, null, clusterId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ClusterMember>> FindMembersAsync(Dataset dataset, string recordId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Clusters/select_record_members")
            .With("@system", dataset.System).With("@datatype", dataset.Datatype).With("@record_id", recordId);
        return await command.ReadAllAsync(ReadMember, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FlowLink>> GetFlowLinksAsync(Dataset source, Dataset target, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Clusters/select_flow_links")
            .With("@source_system", source.System).With("@source_datatype", source.Datatype)
            .With("@target_system", target.System).With("@target_datatype", target.Datatype);
        return await command.ReadAllAsync(
            r => new FlowLink(r.GetInt64(0), ReadLinkSide(r, source, 1), ReadLinkSide(r, target, 6)), cancellationToken);
    }

    internal async Task<long> CreateClusterCoreAsync(HubWriter writer, string globalType, string goldenRecord, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(globalType);
        await using var command = writer.Command("Clusters/insert_cluster")
            .With("@global_type", globalType)
            .With("@golden_record", JsonText.Check(goldenRecord, nameof(goldenRecord)))
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        return await command.ScalarInt64Async(cancellationToken);
    }

    internal async Task<bool> SetGoldenRecordCoreAsync(HubWriter writer, long clusterId, string goldenRecord, CancellationToken cancellationToken)
    {
        await using var command = writer.Command("Clusters/update_golden_record")
            .With("@id", clusterId)
            .With("@golden_record", JsonText.Check(goldenRecord, nameof(goldenRecord)))
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    internal async Task<ClusterMember> AddMemberCoreAsync(
        HubWriter writer, long clusterId, MemberKey member, JoinedBy joinedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrWhiteSpace(member.RecordId, nameof(member));
        ArgumentNullException.ThrowIfNull(member.Role, nameof(member));
        var datasetId = await writer.DatasetIdAsync(member.Dataset, cancellationToken);
        await using (var insert = writer.Command("Clusters/insert_member"))
        {
            await MemberParameters(insert, datasetId, member)
                .With("@cluster_id", clusterId)
                .With("@joined_by", joinedBy.ToString().ToLowerInvariant())
                .With("@now", Dialect.Time(Time.GetUtcNow()))
                .ExecuteNonQueryAsync(cancellationToken);
        }
        var stored = await ReadMemberAsync(writer, datasetId, member, cancellationToken)
            ?? throw new InvalidOperationException($"Member {member} vanished inside its own transaction.");
        return stored.ClusterId == clusterId
            ? stored
            : throw new InvalidOperationException(
                $"{member} is already a member of cluster {stored.ClusterId}; remove it or merge the clusters before adding it to {clusterId}.");
    }

    internal static async Task<bool> RemoveMemberCoreAsync(HubWriter writer, MemberKey member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var datasetId = await writer.DatasetIdAsync(member.Dataset, cancellationToken);
        await using var command = MemberParameters(writer.Command("Clusters/delete_member"), datasetId, member);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    internal static async Task<bool> SetSyncedValuesCoreAsync(HubWriter writer, MemberKey member, string syncedValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var datasetId = await writer.DatasetIdAsync(member.Dataset, cancellationToken);
        await using var command = MemberParameters(writer.Command("Clusters/update_synced_values"), datasetId, member)
            .With("@synced_values", JsonText.Check(syncedValues, nameof(syncedValues)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    internal async Task<MergeOutcome> MergeClustersCoreAsync(HubWriter writer, long survivorId, long absorbedId, CancellationToken cancellationToken)
    {
        var survivor = await ReadClusterAsync(writer.Connection, writer.Transaction, survivorId, cancellationToken);
        var absorbed = await ReadClusterAsync(writer.Connection, writer.Transaction, absorbedId, cancellationToken);
        if (survivor is null || absorbed is null)
        {
            return MergeOutcome.NotFound;
        }
        if (survivorId == absorbedId)
        {
            return MergeOutcome.SameCluster;
        }
        if (!string.Equals(survivor.GlobalType, absorbed.GlobalType, StringComparison.Ordinal))
        {
            return MergeOutcome.TypeMismatch;
        }
        await using var command = writer.Command("Clusters/merge_clusters")
            .With("@survivor_id", survivorId)
            .With("@absorbed_id", absorbedId)
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return MergeOutcome.Merged;
    }

    private static DbCommand MemberParameters(DbCommand command, long datasetId, MemberKey member) =>
        command.With("@dataset_id", datasetId).With("@record_id", member.RecordId).With("@role", member.Role);

    private async Task<ClusterMember?> ReadMemberAsync(HubWriter writer, long datasetId, MemberKey member, CancellationToken cancellationToken)
    {
        await using var command = MemberParameters(writer.Command("Clusters/select_member"), datasetId, member);
        return await command.ReadFirstAsync(ReadMember, cancellationToken);
    }

    private async Task<Cluster?> ReadClusterAsync(
        DbConnection connection, DbTransaction? transaction, long clusterId, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, "Clusters/select_cluster", transaction).With("@id", clusterId);
        var cluster = await select.ReadFirstAsync(
            r => new Cluster(r.GetInt64(0), r.GetString(1), r.GetString(2), Dialect.ReadTime(r, 3), Dialect.ReadTime(r, 4), []),
            cancellationToken);
        if (cluster is null)
        {
            return null;
        }
        await using var members = Command(connection, "Clusters/select_cluster_members", transaction).With("@cluster_id", clusterId);
        return cluster with { Members = await members.ReadAllAsync(ReadMember, cancellationToken) };
    }

    private ClusterMember ReadMember(DbDataReader r) => new(
        r.GetInt64(0), r.GetDataset(1), r.GetString(3), r.GetString(4), ParseJoinedBy(r.GetString(5)),
        Dialect.ReadTime(r, 6), r.GetNullableString(7));

    private ClusterMember ReadLinkSide(DbDataReader r, Dataset dataset, int first) => new(
        r.GetInt64(0), dataset, r.GetString(first), r.GetString(first + 1), ParseJoinedBy(r.GetString(first + 2)),
        Dialect.ReadTime(r, first + 3), r.GetNullableString(first + 4));

    private static JoinedBy ParseJoinedBy(string value) => Enum.Parse<JoinedBy>(value, ignoreCase: true);
}
