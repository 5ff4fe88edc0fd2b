using Tolk.Emulation.Sample;
using Tolk.Emulation.State;

namespace Tolk.Emulators;

/// <summary>
/// A state folder's six snapshots, one <c>&lt;system&gt;.json</c> each, read and checked to belong together: the same
/// lineage (saved by one fleet) and the same sample. A folder without any snapshot is simply empty, not an error.
/// </summary>
public sealed class FleetState
{
    private FleetState(string folder, IReadOnlyDictionary<string, EmulatorSnapshot> snapshots)
    {
        Folder = folder;
        Snapshots = snapshots;
        var first = snapshots.Values.First();
        Lineage = first.Lineage;
        Sample = first.Sample;
        SavedAt = snapshots.Values.Max(s => s.SavedAt);
    }

    /// <summary>The folder the snapshots were read from.</summary>
    public string Folder { get; }

    /// <summary>The snapshots, by system.</summary>
    public IReadOnlyDictionary<string, EmulatorSnapshot> Snapshots { get; }

    /// <summary>What the six share: made once, when a fleet first seeded into the folder.</summary>
    public string Lineage { get; }

    /// <summary>The sample the emulators were seeded from.</summary>
    public SampleOptions Sample { get; }

    /// <summary>When the latest snapshot was saved.</summary>
    public DateTimeOffset SavedAt { get; }

    /// <summary>The snapshot file of <paramref name="system"/> in <paramref name="folder"/>.</summary>
    public static string FileOf(string folder, string system) => Path.Combine(folder, system + ".json");

    /// <summary>Whether <paramref name="folder"/> holds any emulator snapshot.</summary>
    public static bool Exists(string folder) => EmulatorCatalog.All.Any(e => File.Exists(FileOf(folder, e.System)));

    /// <summary>Reads the six snapshots in <paramref name="folder"/>; null when it holds none.</summary>
    /// <exception cref="EmulatorStateException">A snapshot is damaged or missing, or they do not belong together.</exception>
    public static FleetState? Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Exists(folder))
        {
            return null;
        }
        var missing = EmulatorCatalog.All.Select(e => FileOf(folder, e.System)).Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new EmulatorStateException($"the emulator state in {folder} is incomplete: {string.Join(", ", missing.Select(Path.GetFileName))} "
                + (missing.Count == 1 ? "is" : "are") + " missing");
        }
        var snapshots = EmulatorCatalog.All.ToDictionary(e => e.System, e => SnapshotFile.Read(FileOf(folder, e.System)), StringComparer.Ordinal);
        foreach (var (system, snapshot) in snapshots)
        {
            if (snapshot.System != system)
            {
                throw new EmulatorStateException($"{snapshot.Source} holds {snapshot.System}'s state, not {system}'s");
            }
        }
        var first = snapshots.Values.First();
        if (snapshots.Values.FirstOrDefault(s => s.Lineage != first.Lineage || s.Sample != first.Sample) is { } stranger)
        {
            throw new EmulatorStateException($"the emulator state in {folder} is mixed: {Path.GetFileName(first.Source)} and "
                + $"{Path.GetFileName(stranger.Source)} were saved by different fleets (lineage {first.Lineage} vs {stranger.Lineage}, "
                + $"seed {first.Sample.Seed} vs {stranger.Sample.Seed}, scale {first.Sample.Scale} vs {stranger.Sample.Scale})");
        }
        return new FleetState(folder, snapshots);
    }

    /// <summary>Removes the snapshots (and their temporary files) from <paramref name="folder"/>, then the folder if that left it empty.</summary>
    public static void Delete(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var entry in EmulatorCatalog.All)
        {
            File.Delete(FileOf(folder, entry.System));
            File.Delete(FileOf(folder, entry.System) + ".tmp");
        }
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
