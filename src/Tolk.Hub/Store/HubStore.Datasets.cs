namespace Tolk.Hub.Store;

/// <summary>Summaries of the datasets, for status views.</summary>
public abstract partial class HubStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<DatasetSummary>> GetDatasetSummariesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Datasets/select_dataset_summaries");
        return await command.ReadAllAsync(
            r => new DatasetSummary(r.GetDataset(0), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)), cancellationToken);
    }
}
