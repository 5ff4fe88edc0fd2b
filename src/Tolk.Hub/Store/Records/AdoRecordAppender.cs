using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>
/// The portable appender over ADO.NET commands, rebound for every row: a provider keeps a command's prepared statement
/// as long as its text does not change.
/// </summary>
internal sealed class AdoRecordAppender : RecordAppender
{
    private readonly DbCommand selectLatest;
    private readonly DbCommand insertVersion;
    private readonly DbCommand upsertLatest;
    private readonly SqlDialect dialect;

    public AdoRecordAppender(HubWriter writer)
        : base(writer)
    {
        dialect = writer.Store.Dialect;
        selectLatest = Prepare(writer, "Records/select_latest_hash", "@dataset_id", "@record_id");
        insertVersion = Prepare(writer, "Records/insert_version",
            "@seq", "@dataset_id", "@record_id", "@content", "@hash", "@deleted", "@modified_at", "@observed_at");
        upsertLatest = Prepare(writer, "Records/upsert_latest", "@dataset_id", "@record_id", "@seq", "@hash");
    }

    public override async ValueTask<bool> IsUnchangedAsync(long datasetId, string recordId, byte[] hash, CancellationToken cancellationToken)
    {
        selectLatest.Set(0, datasetId);
        selectLatest.Set(1, recordId);
        return await selectLatest.ExecuteScalarAsync(cancellationToken) is byte[] latest && latest.AsSpan().SequenceEqual(hash);
    }

    public override async ValueTask AppendAsync(
        long seq, long datasetId, HubRecord record, byte[] hash, object observedAt, CancellationToken cancellationToken)
    {
        insertVersion.Set(0, seq);
        insertVersion.Set(1, datasetId);
        insertVersion.Set(2, record.Id);
        insertVersion.Set(3, record.Content);
        insertVersion.Set(4, hash);
        insertVersion.Set(5, record.Deleted);
        insertVersion.Set(6, dialect.NullableTime(record.ModifiedAt));
        insertVersion.Set(7, observedAt);
        await insertVersion.ExecuteNonQueryAsync(cancellationToken);

        upsertLatest.Set(0, datasetId);
        upsertLatest.Set(1, record.Id);
        upsertLatest.Set(2, seq);
        upsertLatest.Set(3, hash);
        await upsertLatest.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await selectLatest.DisposeAsync();
        await insertVersion.DisposeAsync();
        await upsertLatest.DisposeAsync();
    }

    private static DbCommand Prepare(HubWriter writer, string name, params string[] parameters)
    {
        var command = writer.Command(name);
        foreach (var parameter in parameters)
        {
            command.With(parameter, null);
        }
        return command;
    }
}
