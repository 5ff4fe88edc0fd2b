namespace Tolk.Hub.Store;

/// <summary>Cursors: saved positions, written in the same transaction as the versions they cover.</summary>
public abstract partial class HubStore
{
    /// <inheritdoc/>
    public async Task<HubCursor?> GetCursorAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Cursors/select_cursor").With("@key", key);
        return await command.ReadFirstAsync(
            r => new HubCursor(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3)), cancellationToken);
    }

    internal async Task<long> SaveCursorCoreAsync(HubWriter writer, HubCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor.Key, nameof(cursor));
        await using var command = writer.Command("Cursors/upsert_cursor")
            .With("@key", cursor.Key)
            .With("@value", JsonText.Check(cursor.Value, nameof(cursor)))
            .With("@format", cursor.Format)
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        return await command.ScalarInt64Async(cancellationToken);
    }
}
