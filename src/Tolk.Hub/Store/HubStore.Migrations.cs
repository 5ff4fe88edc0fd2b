using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>
/// Schema migrations: numbered embedded scripts, each applied in its own transaction together with its row in
/// <c>schema_migrations</c>, so a crash leaves the store at one version or the next, never between.
/// </summary>
public abstract partial class HubStore
{
    /// <summary>The schema version the store is at (0 for a new, empty store).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadSchemaVersionAsync(connection, null, cancellationToken);
    }

    /// <summary>
    /// Brings the schema up to <paramref name="targetVersion"/> (the newest when null); refuses a store newer than
    /// this build knows before touching anything.
    /// </summary>
    internal async Task MigrateAsync(int? targetVersion, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var bootstrap = Command(connection, "schema_migrations"))
        {
            await bootstrap.ExecuteNonQueryAsync(cancellationToken);
        }
        await ReadSchemaVersionAsync(connection, null, cancellationToken);
        foreach (var migration in Sql.Migrations.Where(m => m.Version <= (targetVersion ?? SupportedSchemaVersion)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Read again inside the transaction: another process may have migrated since.
            if (await ReadSchemaVersionAsync(connection, transaction, cancellationToken) >= migration.Version)
            {
                continue;
            }
            await using (var apply = DbCommands.Create(connection, transaction, migration.Sql))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = Command(connection, "Schema/insert_version", transaction))
            {
                await record.With("@version", migration.Version).With("@name", migration.Name)
                    .With("@applied_at", Dialect.Time(Time.GetUtcNow())).ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The recorded version; throws when it is newer than this build knows.</summary>
    private async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, "Schema/select_version", transaction);
        var version = (int)await select.ScalarInt64Async(cancellationToken);
        return version <= SupportedSchemaVersion ? version : throw new SchemaVersionTooNewException(version, SupportedSchemaVersion);
    }
}
