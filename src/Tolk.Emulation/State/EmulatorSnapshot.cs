using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Emulation.State;

/// <summary>
/// Everything a restarted emulator needs to go on as the same live system: the sample it was seeded from, every record
/// of its database, and its own state beyond the records (id counters, change logs, webhook secrets). Not kept: the
/// call log, fault rules, settings, rate windows and webhook deliveries still queued or being retried.
/// </summary>
public sealed class EmulatorSnapshot
{
    /// <summary>The value of the <c>format</c> property every snapshot file starts with.</summary>
    public const string FormatName = "tolk-emulator-snapshot";

    /// <summary>The layout this build writes and reads; a snapshot of another version is refused, not guessed at.</summary>
    public const int FormatVersion = 1;

    private readonly JsonObject _records;
    private readonly JsonObject _state;

    private EmulatorSnapshot(string system, SampleOptions sample, string lineage, DateTimeOffset savedAt, JsonObject records, JsonObject state)
    {
        System = system;
        Sample = sample;
        Lineage = lineage;
        SavedAt = savedAt;
        _records = records;
        _state = state;
    }

    /// <summary>The system the snapshot belongs to.</summary>
    public string System { get; }

    /// <summary>The seed and size the emulator was first seeded with.</summary>
    public SampleOptions Sample { get; }

    /// <summary>Who the snapshot's owner says it belongs with: snapshots taken together share it (a fleet's six).</summary>
    public string Lineage { get; }

    /// <summary>When the snapshot was taken, on the emulator's clock.</summary>
    public DateTimeOffset SavedAt { get; }

    /// <summary>Where the snapshot was read from, for error messages; null when it was not read from a file.</summary>
    public string? Source { get; init; }

    /// <summary>How many records the snapshot holds, by collection.</summary>
    public IReadOnlyDictionary<string, int> Counts =>
        _records.ToDictionary(c => c.Key, c => ((JsonObject)c.Value!).Count, StringComparer.Ordinal);

    /// <summary>Takes a snapshot of <paramref name="emulator"/>, with no write of its own half done.</summary>
    public static EmulatorSnapshot Take(SystemEmulator emulator, string lineage)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return emulator.PauseWritesFor(() =>
        {
            var records = new JsonObject();
            foreach (var table in emulator.Database.Collections)
            {
                var entries = new JsonObject();
                foreach (var (id, record) in table.Entries())
                {
                    entries[id] = record;
                }
                records[table.Name] = entries;
            }
            // The emulator's own state after the records: an id counter read later than the records can only be ahead
            // of them, never behind, so a restored emulator never hands out an id a record already has.
            return new EmulatorSnapshot(emulator.Name, emulator.Context.Sample, lineage, emulator.Context.Time.GetUtcNow(),
                records, emulator.SaveStateForSnapshot());
        });
    }

    /// <summary>
    /// Loads the records into <paramref name="emulator"/> (an unseeded one made on a context with <see cref="Sample"/>)
    /// without raising changes, then lets it restore its own state.
    /// </summary>
    /// <exception cref="EmulatorStateException">The snapshot is another system's, or does not fit the emulator.</exception>
    public void RestoreInto(SystemEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var source = Source ?? $"the {System} snapshot";
        if (emulator.Name != System)
        {
            throw new EmulatorStateException($"{source} holds {System}'s state, not {emulator.Name}'s");
        }
        var unknown = _records.Select(c => c.Key).Where(name => emulator.Database.Find(name) is null).ToList();
        var missing = emulator.Database.Collections.Select(c => c.Name).Where(name => !_records.ContainsKey(name)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw new EmulatorStateException($"{source} does not fit this {System} emulator: "
                + string.Join("; ", new[] { Listed("unknown collections", unknown), Listed("missing collections", missing) }.OfType<string>()));
        }
        emulator.Context.Sample = Sample;
        try
        {
            foreach (var table in emulator.Database.Collections)
            {
                var entries = _records.ReadObject(table.Name);
                table.Load(entries.Select(e => KeyValuePair.Create(e.Key,
                    (JsonObject)(e.Value as JsonObject ?? throw new EmulatorStateException($"records.{table.Name}.{e.Key}: expected an object")).DeepClone())));
            }
            emulator.RestoreStateFromSnapshot((JsonObject)_state.DeepClone());
        }
        catch (EmulatorStateException e)
        {
            throw new EmulatorStateException($"{source}: {e.Message}", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidCastException
            or KeyNotFoundException or OverflowException)
        {
            // A hand-edited or damaged record that passed as JSON fails deep in an emulator's index code: still the file's fault.
            throw new EmulatorStateException($"{source} does not fit this {System} emulator: {e.Message}", e);
        }
    }

    /// <summary>The snapshot as the JSON its file holds.</summary>
    public JsonObject ToJson() => new()
    {
        ["format"] = FormatName,
        ["version"] = FormatVersion,
        ["system"] = System,
        ["sample"] = new JsonObject { ["seed"] = Sample.Seed, ["scale"] = Sample.Scale },
        ["lineage"] = Lineage,
        ["savedAt"] = StateJson.TimeValue(SavedAt),
        ["records"] = _records.DeepClone(),
        ["state"] = _state.DeepClone(),
    };

    /// <summary>Writes the snapshot's JSON without copying its records (a large one is tens of megabytes).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("version", FormatVersion);
        writer.WriteString("system", System);
        writer.WriteStartObject("sample");
        writer.WriteNumber("seed", Sample.Seed);
        writer.WriteNumber("scale", Sample.Scale);
        writer.WriteEndObject();
        writer.WriteString("lineage", Lineage);
        writer.WriteString("savedAt", SavedAt.ToString("O", CultureInfo.InvariantCulture));
        writer.WritePropertyName("records");
        _records.WriteTo(writer);
        writer.WritePropertyName("state");
        _state.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>Reads a snapshot from its JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="EmulatorStateException">The JSON is not a snapshot this build can read.</exception>
    public static EmulatorSnapshot FromJson(JsonNode? json, string source)
    {
        if (json is not JsonObject root || root["format"]?.GetValueKind() != JsonValueKind.String
            || root.ReadString("format") != FormatName)
        {
            throw new EmulatorStateException($"{source} is not a Tolk emulator snapshot (its format is not '{FormatName}')");
        }
        try
        {
            var version = root.ReadLong("version");
            if (version != FormatVersion)
            {
                throw new EmulatorStateException(version > FormatVersion
                    ? $"snapshot format {version} is newer than this Tolk reads ({FormatVersion})"
                    : $"snapshot format {version} is older than this Tolk reads ({FormatVersion})");
            }
            var sample = root.ReadObject("sample");
            var scale = sample["scale"] is JsonValue s && s.TryGetValue<double>(out var f) && f > 0
                ? f
                : throw new EmulatorStateException("sample.scale: expected a positive number");
            var records = root.ReadObject("records");
            foreach (var (name, collection) in records)
            {
                if (collection is not JsonObject)
                {
                    throw new EmulatorStateException($"records.{name}: expected an object, found {collection?.GetValueKind().ToString().ToLowerInvariant() ?? "nothing"}");
                }
            }
            return new EmulatorSnapshot(root.ReadString("system"), new SampleOptions(sample.ReadInt("seed"), scale), root.ReadString("lineage"),
                root.ReadTime("savedAt"), (JsonObject)records.DeepClone(), (JsonObject)root.ReadObject("state").DeepClone())
            {
                Source = source,
            };
        }
        catch (EmulatorStateException e)
        {
            throw new EmulatorStateException($"{source}: {e.Message}", e);
        }
    }

    private static string? Listed(string what, List<string> names) => names.Count == 0 ? null : $"{what} {string.Join(", ", names)}";
}
