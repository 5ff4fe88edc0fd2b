using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>The conflict log: edits that lost a per-property merge, kept for a person to inspect.</summary>
public abstract partial class HubStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<Conflict>> GetConflictsAsync(long? clusterId, int limit, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Conflicts/select_conflicts")
            .With("@cluster_id", clusterId).With("@limit", limit);
        return await command.ReadAllAsync(ReadConflict, cancellationToken);
    }

    internal async Task<long> AddConflictCoreAsync(HubWriter writer, NewConflict conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        ArgumentException.ThrowIfNullOrWhiteSpace(conflict.Property, nameof(conflict));
        var winner = conflict.Winner;
        var loser = conflict.Loser;
        await using var command = writer.Command("Conflicts/insert_conflict")
            .With("@cluster_id", conflict.ClusterId)
            .With("@property", conflict.Property)
            .With("@winner_dataset_id", await writer.DatasetIdAsync(winner.Dataset, cancellationToken))
            .With("@winner_record_id", winner.RecordId)
            .With("@winner_value", JsonText.Check(winner.Value, nameof(conflict)))
            .With("@winner_changed_at", Dialect.Time(winner.ChangedAt))
            .With("@loser_dataset_id", await writer.DatasetIdAsync(loser.Dataset, cancellationToken))
            .With("@loser_record_id", loser.RecordId)
            .With("@loser_value", JsonText.Check(loser.Value, nameof(conflict)))
            .With("@loser_changed_at", Dialect.Time(loser.ChangedAt))
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        return await command.ScalarInt64Async(cancellationToken);
    }

    private Conflict ReadConflict(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        new ConflictSide(r.GetDataset(3), r.GetString(5), r.GetString(6), Dialect.ReadTime(r, 7)),
        new ConflictSide(r.GetDataset(8), r.GetString(10), r.GetString(11), Dialect.ReadTime(r, 12)),
        Dialect.ReadTime(r, 13));
}
