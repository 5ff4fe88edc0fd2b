namespace Tolk.Bench.Emulators;

/// <summary>
/// One system's share of a round: a full paged read of every datatype and updates through its API, plus where a
/// person's edits go through the admin channel (a collection, the record's id field, and a text field to change).
/// </summary>
internal abstract class SystemLoad(string system, string editCollection, string idField, string editField) : IDisposable
{
    public string System { get; } = system;

    public string EditCollection { get; } = editCollection;

    public string IdField { get; } = idField;

    public string EditField { get; } = editField;

    /// <summary>Reads every record of every datatype, page by page; returns how many records came back.</summary>
    public abstract Task<int> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Sets the edit field of record <paramref name="id"/> to <paramref name="text"/> through the API.</summary>
    public abstract Task UpdateAsync(string id, string text, CancellationToken cancellationToken);

    public virtual void Dispose()
    {
    }
}
