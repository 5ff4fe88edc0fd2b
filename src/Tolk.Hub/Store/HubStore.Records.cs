using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>The logs: appending batches of record versions and following them from a sequence number.</summary>
public abstract partial class HubStore
{
    private const string AppendSavepoint = "tolk_append";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordVersion>> ReadLogAsync(
        Dataset? dataset, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = dataset is { } one
            ? Command(connection, "Records/read_dataset_log").With("@system", one.System).With("@datatype", one.Datatype)
            : Command(connection, "Records/read_log");
        command.With("@after_seq", afterSeq).With("@limit", limit);
        return await command.ReadAllAsync(ReadVersion, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<RecordVersion?> GetLatestAsync(Dataset dataset, string recordId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Records/select_latest_version")
            .With("@system", dataset.System).With("@datatype", dataset.Datatype).With("@record_id", recordId);
        return await command.ReadFirstAsync(ReadVersion, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordVersion>> GetHistoryAsync(
        Dataset dataset, string recordId, int limit, long beforeSeq = long.MaxValue, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Records/read_record_history")
            .With("@system", dataset.System).With("@datatype", dataset.Datatype).With("@record_id", recordId)
            .With("@before_seq", beforeSeq).With("@limit", limit);
        return await command.ReadAllAsync(ReadVersion, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<long> GetLastSeqAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Records/select_max_seq");
        return await command.ScalarInt64Async(cancellationToken);
    }

    internal async Task<AppendResult> AppendCoreAsync(
        HubWriter writer, Dataset dataset, IEnumerable<HubRecord> records, AppendMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var datasetId = await writer.DatasetIdAsync(dataset, cancellationToken);
        if (writer.LastSeq is null)
        {
            // Read inside the transaction, whose write lock every other writer (in any process) waits for.
            await using var max = writer.Command("Records/select_max_seq");
            writer.LastSeq = await max.ScalarInt64Async(cancellationToken);
        }
        var appender = writer.Appender ??= CreateAppender(writer);
        var observedAt = Dialect.Time(Time.GetUtcNow());
        var batch = new BatchState(writer.LastSeq.Value);

        // Each batch is a savepoint: a batch that fails (bad records under AllOrNothing, or an exception from the
        // caller's enumerable) undoes itself and nothing else the transaction holds.
        await writer.Transaction.SaveAsync(AppendSavepoint, cancellationToken);
        try
        {
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await AppendOneAsync(writer, appender, dataset, datasetId, record, mode, observedAt, batch, cancellationToken);
            }
        }
        catch
        {
            await writer.Transaction.RollbackAsync(AppendSavepoint, CancellationToken.None);
            throw;
        }
        if (mode == AppendMode.AllOrNothing && batch.Errors.Count > 0)
        {
            await writer.Transaction.RollbackAsync(AppendSavepoint, cancellationToken);
            return new AppendResult(0, 0, batch.Errors, 0);
        }
        await writer.Transaction.ReleaseAsync(AppendSavepoint, cancellationToken);
        var appended = (int)(batch.Seq - writer.LastSeq.Value);
        writer.LastSeq = batch.Seq;
        return new AppendResult(appended, batch.Unchanged, batch.Errors, appended > 0 ? batch.Seq : 0);
    }

    /// <summary>The per-row appender for a write transaction; an engine may drive its own driver more directly.</summary>
    private protected virtual RecordAppender CreateAppender(HubWriter writer) => new AdoRecordAppender(writer);

    private async Task AppendOneAsync(
        HubWriter writer, RecordAppender appender, Dataset dataset, long datasetId, HubRecord record, AppendMode mode,
        object observedAt, BatchState batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record, "records");
        // Once an AllOrNothing batch has failed, the rest is only checked, so that every error is reported at once.
        var writing = mode == AppendMode.SkipInvalid || batch.Errors.Count == 0;
        var error = appender.Encoder.Encode(dataset, record, out var hash);
        if (error is null && writing && await appender.IsUnchangedAsync(datasetId, record.Id, hash, cancellationToken))
        {
            // Same bytes as a version that passed the JSON check before: no need to check again.
            batch.Unchanged++;
            return;
        }
        error ??= appender.Encoder.CheckJson(dataset, record);
        if (error is not null)
        {
            batch.Errors.Add(error);
            if (mode == AppendMode.SkipInvalid)
            {
                await RecordErrorCoreAsync(writer, error, "collect", cancellationToken);
            }
            return;
        }
        if (writing)
        {
            await appender.AppendAsync(++batch.Seq, datasetId, record, hash, observedAt, cancellationToken);
        }
    }

    private RecordVersion ReadVersion(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetDataset(1),
        reader.GetString(3),
        reader.GetString(4),
        Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(5)),
        reader.GetBoolean(6),
        Dialect.ReadNullableTime(reader, 7),
        Dialect.ReadTime(reader, 8));

    private sealed class BatchState(long seq)
    {
        public long Seq { get; set; } = seq;

        public int Unchanged { get; set; }

        public List<RecordError> Errors { get; } = [];
    }
}
