using Microsoft.Data.Sqlite;
using Tolk.Hub;

namespace Tolk.Bench;

/// <summary>
/// The floor to compare the store against: the same rows inserted into a plain table with one prepared statement,
/// one transaction per batch, and the store's pragmas (WAL, synchronous=NORMAL).
/// </summary>
internal sealed class RawSqliteBaseline : IAsyncDisposable
{
    private readonly SqliteConnection connection;

    private RawSqliteBaseline(SqliteConnection connection) => this.connection = connection;

    public static async Task<RawSqliteBaseline> CreateAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var setup = connection.CreateCommand();
        setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE raw (id TEXT NOT NULL, content TEXT NOT NULL);";
        await setup.ExecuteNonQueryAsync();
        return new RawSqliteBaseline(connection);
    }

    /// <summary>Inserts one batch in one transaction.</summary>
    public async Task InsertAsync(HubRecord[] batch)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO raw (id, content) VALUES (@id, @content)";
        var id = insert.Parameters.Add("@id", SqliteType.Text);
        var content = insert.Parameters.Add("@content", SqliteType.Text);
        foreach (var record in batch)
        {
            id.Value = record.Id;
            content.Value = record.Content;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
