using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>The activity log: what the sync did to which record and why.</summary>
public abstract partial class HubStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<Activity>> GetActivityAsync(long afterId, int limit, MemberRecord? record = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Activity/select_activity")
            .With("@after_id", afterId).With("@limit", limit)
            .With("@system", record?.Dataset.System).With("@datatype", record?.Dataset.Datatype).With("@record_id", record?.RecordId);
        return await command.ReadAllAsync(ReadActivity, cancellationToken);
    }

    internal async Task<long> AddActivityCoreAsync(HubWriter writer, NewActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrWhiteSpace(activity.Kind, nameof(activity));
        await using var command = writer.Command("Activity/insert_activity")
            .With("@now", Dialect.Time(Time.GetUtcNow()))
            .With("@kind", activity.Kind)
            .With("@cluster_id", activity.ClusterId)
            .With("@dataset_id", await writer.DatasetIdAsync(activity.Dataset, cancellationToken))
            .With("@record_id", activity.RecordId)
            .With("@message", activity.Message);
        return await command.ScalarInt64Async(cancellationToken);
    }

    private Activity ReadActivity(DbDataReader r) => new(
        r.GetInt64(0), Dialect.ReadTime(r, 1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetDataset(4), r.GetString(6), r.GetString(7));
}
