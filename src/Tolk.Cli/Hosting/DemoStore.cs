using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Tolk.Cli.Output;
using Tolk.Emulation.Sample;
using Tolk.Hub.Store;

namespace Tolk.Cli.Hosting;

/// <summary>
/// The demo's hub store. The demo's emulators keep their records in memory, so each demo starts them again from the
/// sample data: a store synced with an earlier demo's emulators describes records the new ones do not hold (every
/// record Tolk created, every value it wrote), and resuming from it would leave the hub believing in records that are
/// gone. So a demo store is started over; a store the demo did not make is never touched.
/// </summary>
internal static class DemoStore
{
    /// <summary>The cursor that marks a store as the demo's, with the sample it was synced with.</summary>
    public const string MarkerKey = "demo:sandbox";

    /// <summary>What happened to the store before the demo opened it.</summary>
    internal enum Preparation
    {
        /// <summary>There was no store, or an empty one: nothing to do.</summary>
        Fresh,

        /// <summary>An earlier demo's store was removed.</summary>
        StartedOver,

        /// <summary>The store is not the demo's: the demo must not run on it.</summary>
        Refused,

        /// <summary>The store could not be opened.</summary>
        Broken,
    }

    /// <summary>Removes an earlier demo's store (or an empty one); refuses a store the demo did not make.</summary>
    public static async Task<Preparation> PrepareAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return Preparation.Fresh;
        }

        bool empty, demo;
        await using (var store = await StoreOpener.OpenAsync(path, cancellationToken))
        {
            if (store is null)
            {
                return Preparation.Broken;
            }

            empty = (await store.GetDatasetSummariesAsync(cancellationToken)).Count == 0;
            demo = await store.GetCursorAsync(MarkerKey, cancellationToken) is not null;
        }

        if (!empty && !demo)
        {
            Out.Error($"{path} holds a hub store that 'tolk demo' did not make; the demo will not touch it. Give the demo a store of its own with --store PATH.");
            return Preparation.Refused;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        return empty ? Preparation.Fresh : Preparation.StartedOver;
    }

    /// <summary>Marks the store as the demo's, with the sample its emulators started from.</summary>
    public static Task MarkAsync(IHubStore store, SampleOptions sample, TimeProvider time, CancellationToken cancellationToken)
    {
        var marker = new JsonObject
        {
            ["seed"] = sample.Seed,
            ["scale"] = sample.Scale,
            ["startedAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        return store.SaveCursorAsync(new HubCursor(MarkerKey, marker.ToJsonString()), cancellationToken);
    }
}
