namespace Tolk.Hub.Store;

/// <summary>Settings every store engine shares.</summary>
public record HubStoreOptions
{
    /// <summary>Largest record content accepted, in UTF-8 bytes; bigger records are rejected (field <c>content</c>).</summary>
    public int MaxRecordBytes { get; init; } = 1024 * 1024;

    /// <summary>How long to wait for another process holding the database's write lock.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed record SqliteHubStoreOptions : HubStoreOptions
{
    /// <summary>The database file; its folder is created when missing.</summary>
    public string Path { get; init; } = System.IO.Path.Combine(".", "tolk-data", "tolk.db");

    /// <summary>Appends through the engine-neutral ADO.NET code instead of SQLite's native fast path (tests run both).</summary>
    internal bool PortableAppender { get; init; }
}
