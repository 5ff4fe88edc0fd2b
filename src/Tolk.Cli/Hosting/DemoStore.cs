using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Tolk.Cli.Output;
using Tolk.Emulation.Sample;
using Tolk.Emulation.State;
using Tolk.Emulators;
using Tolk.Hub.Store;

namespace Tolk.Cli.Hosting;

/// <summary>
/// The demo's hub store and the emulator state beside it (<c>emulators/</c> in the store's folder). The two belong
/// together: the store describes the records the emulators hold, every record Tolk created and every value it wrote. A
/// demo resumes when both are there and were saved by the same demo with the sample asked for; when one is missing or
/// they do not match, both start over, with a line saying why. A store the demo did not make is never touched.
/// </summary>
internal static class DemoStore
{
    /// <summary>The cursor that marks a store as the demo's, with the sample and the emulator state it was synced with.</summary>
    public const string MarkerKey = "demo:sandbox";

    /// <summary>What happened before the demo opened its store.</summary>
    internal enum Preparation
    {
        /// <summary>There was nothing (or an empty store): the emulators start from the sample.</summary>
        Fresh,

        /// <summary>The store and the emulator state belong together: the demo goes on from them.</summary>
        Resumed,

        /// <summary>An earlier demo's store and emulator state were removed; <see cref="DemoStart.Reason"/> says why.</summary>
        StartedOver,

        /// <summary>The store is not the demo's: the demo must not run on it.</summary>
        Refused,

        /// <summary>The store could not be opened, or the emulator state cannot be used.</summary>
        Broken,
    }

    /// <summary>The outcome, why the demo starts over (when it does) and the state to resume from (when it does).</summary>
    internal sealed record DemoStart(Preparation Outcome, string? Reason = null, FleetState? State = null);

    /// <summary>The folder the demo's emulators keep their state in: <c>emulators</c> beside the store.</summary>
    public static string EmulatorFolder(string storePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, "emulators");

    /// <summary>Decides whether the demo resumes or starts over (removing what it started over from); refuses a store the demo did not make.</summary>
    public static async Task<DemoStart> PrepareAsync(string path, SampleOptions sample, bool reset, CancellationToken cancellationToken)
    {
        var folder = EmulatorFolder(path);
        JsonObject? marker = null;
        var empty = true;
        if (File.Exists(path))
        {
            await using var store = await StoreOpener.OpenAsync(path, cancellationToken);
            if (store is null)
            {
                return new DemoStart(Preparation.Broken);
            }

            empty = (await store.GetDatasetSummariesAsync(cancellationToken)).Count == 0;
            marker = await store.GetCursorAsync(MarkerKey, cancellationToken) is { } cursor ? ParseMarker(cursor.Value) : null;
            if (!empty && marker is null)
            {
                Out.Error($"{path} holds a hub store that 'tolk demo' did not make; the demo will not touch it. Give the demo a store of its own with --store PATH.");
                return new DemoStart(Preparation.Refused);
            }
        }

        if (reset)
        {
            var had = File.Exists(path) || FleetState.Exists(folder);
            Remove(path, folder);
            return had
                ? new DemoStart(Preparation.StartedOver, $"Removed the demo's hub store {path} and its emulator state in {folder}; starting over.")
                : new DemoStart(Preparation.Fresh);
        }

        FleetState? state;
        try
        {
            state = FleetState.Read(folder);
        }
        catch (EmulatorStateException e)
        {
            Out.Error($"{e.Message}. 'tolk demo --reset' starts the demo over: it removes the demo's hub store and emulator state.");
            return new DemoStart(Preparation.Broken);
        }

        var reason = (empty, state) switch
        {
            (true, null) => null,
            (false, null) => $"the hub store {path} has no emulator state beside it in {folder}, so the emulators start from the sample and the store with them.",
            (true, _) => $"the emulator state in {folder} has no synced hub store beside it ({path}), so both start from the sample.",
            _ when (string?)marker?["emulators"] != state.Lineage => $"the hub store {path} and the emulator state in {folder} were not saved by the same demo.",
            _ when state.Sample != sample => $"the saved demo was made with {Describe(state.Sample)}; this one asks for {Describe(sample)}.",
            _ => "",
        };
        if (reason is null)
        {
            Remove(path, folder);
            return new DemoStart(Preparation.Fresh);
        }

        if (reason.Length == 0)
        {
            return new DemoStart(Preparation.Resumed, State: state);
        }

        Remove(path, folder);
        return new DemoStart(Preparation.StartedOver, "Starting over: " + reason);
    }

    /// <summary>Marks the store as the demo's, with the sample and the lineage of the emulator state it is synced with.</summary>
    public static Task MarkAsync(IHubStore store, SampleOptions sample, string emulators, TimeProvider time, CancellationToken cancellationToken)
    {
        var marker = new JsonObject
        {
            ["seed"] = sample.Seed,
            ["scale"] = sample.Scale,
            ["emulators"] = emulators,
            ["startedAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        return store.SaveCursorAsync(new HubCursor(MarkerKey, marker.ToJsonString()), cancellationToken);
    }

    /// <summary>The sample as the demo's options name it: "seed 42, size small".</summary>
    public static string Describe(SampleOptions sample)
    {
        var size = sample.Scale switch
        {
            0.1 => "small",
            1.0 => "demo",
            85.0 => "large",
            var f => f.ToString(CultureInfo.InvariantCulture),
        };
        return $"seed {sample.Seed}, size {size}";
    }

    // A marker that is not an object still marks the store as the demo's; it just matches no emulator state.
    private static JsonObject ParseMarker(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static void Remove(string path, string folder)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        FleetState.Delete(folder);
    }
}
