using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>The error quarantine: one row per unresolved (dataset, record, stage), counting attempts.</summary>
public abstract partial class HubStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<HubError>> GetErrorsAsync(bool includeResolved, int limit, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Errors/select_errors")
            .With("@include_resolved", includeResolved).With("@limit", limit);
        return await command.ReadAllAsync(ReadError, cancellationToken);
    }

    internal async Task<HubError> RecordErrorCoreAsync(HubWriter writer, RecordError error, string stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        var datasetId = await writer.DatasetIdAsync(error.Dataset, cancellationToken);
        await using var command = writer.Command("Errors/upsert_error")
            .With("@dataset_id", datasetId)
            .With("@record_id", error.RecordId ?? "")
            .With("@stage", stage)
            .With("@field", error.Field)
            .With("@message", error.Message)
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new HubError(
            reader.GetInt64(0), error.Dataset, error.RecordId ?? "", stage, error.Field, error.Message,
            Dialect.ReadTime(reader, 1), Dialect.ReadTime(reader, 2), reader.GetInt32(3), null);
    }

    internal async Task<int> ResolveErrorsCoreAsync(
        HubWriter writer, Dataset dataset, string recordId, string? stage, CancellationToken cancellationToken)
    {
        var datasetId = await writer.DatasetIdAsync(dataset, cancellationToken);
        await using var command = writer.Command("Errors/resolve_errors")
            .With("@dataset_id", datasetId)
            .With("@record_id", recordId)
            .With("@stage", stage)
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private HubError ReadError(DbDataReader r) => new(
        r.GetInt64(0), r.GetDataset(1), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetString(6),
        Dialect.ReadTime(r, 7), Dialect.ReadTime(r, 8), r.GetInt32(9), Dialect.ReadNullableTime(r, 10));
}
