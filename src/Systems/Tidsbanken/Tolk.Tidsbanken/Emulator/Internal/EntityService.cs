using System.Text.Json.Nodes;
using Tolk.Emulation.Data;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>
/// One entity type's reads and writes, with its rules: keys, merge keys, references and whether it can be deleted.
/// API calls and a person's edits through the admin channel both come here, so both behave the same way.
/// </summary>
internal sealed partial class EntityService(EntitySchema schema, RecordTable table, WriteContext context)
{
    public const string Modified = "SistEndretDato";
    public const string Created = "OpprettetDato";

    public EntitySchema Schema { get; } = schema;

    public RecordTable Table { get; } = table;

    /// <summary>Properties no two records may share (Tidsbanken's merge keys besides the Id).</summary>
    public IReadOnlyList<string> UniqueFields { get; init; } = [];

    /// <summary>Checks the entity's references; an error message, or null.</summary>
    public Func<JsonObject, string?> CheckReferences { get; init; } = _ => null;

    /// <summary>Fills server-assigned values of a new entity (Prosjekt's PostId).</summary>
    public Action<JsonObject> OnCreate { get; init; } = _ => { };

    /// <summary>Why a record may not be deleted now, or null; the type has no delete when this is not set.</summary>
    public Func<string, ApiError?>? DeleteGuard { get; init; }

    /// <summary>What to do instead of a delete, for the 405 answer of a type without one.</summary>
    public string NoDeleteHint { get; init; } = "";

    /// <summary>Every record as the API shows it (the skew applied).</summary>
    public IEnumerable<JsonObject> ApiView() => Table.All().Select(View);

    /// <summary>A stored record (a copy) as the API shows it.</summary>
    public JsonObject View(JsonObject stored)
    {
        if (Schema.SkewedModificationTime && context.Settings.SkewSistEndretDato && stored[Modified] is JsonValue at)
        {
            stored[Modified] = Timestamps.Format(Timestamps.Parse(at.GetValue<string>()) + TidsbankenAssumptions.SkewOffset);
        }
        return stored;
    }

    /// <summary>Sets the modification time (and the creation time of a new record).</summary>
    public static void Stamp(JsonObject record, DateTimeOffset now, bool created)
    {
        record[Modified] = Timestamps.Format(now);
        if (created)
        {
            record[Created] = Timestamps.Format(now);
        }
    }

    public (List<JsonObject>? Stored, ApiError? Error) Insert(IReadOnlyList<JsonObject> inputs, ChangeOrigin origin)
    {
        var entities = new List<JsonObject>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (entity, error) = EntityReader.ForInsert(Schema, inputs[i], i);
            if (error is not null)
            {
                return (null, error);
            }
            entities.Add(entity!);
        }
        lock (context.Gate)
        {
            var keys = entities.Select(e => EntityReader.KeyText(e[Schema.Key.Name]!)).ToList();
            var error = CheckNewKeys(keys) ?? CheckUnique(entities, keys) ?? CheckAllReferences(entities);
            if (error is not null)
            {
                return (null, error);
            }
            var now = context.Time.GetUtcNow();
            for (var i = 0; i < entities.Count; i++)
            {
                Stamp(entities[i], now, created: true);
                OnCreate(entities[i]);
                Table.Put(keys[i], entities[i], origin);
            }
        }
        return (entities.Select(e => View((JsonObject)e.DeepClone())).ToList(), null);
    }

    public (List<JsonObject>? Stored, ApiError? Error) Update(IReadOnlyList<JsonObject> inputs, ChangeOrigin origin)
    {
        var patches = new List<(string Key, JsonObject Patch)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (key, patch, error) = EntityReader.ForUpdate(Schema, inputs[i], i);
            if (error is not null)
            {
                return (null, error);
            }
            patches.Add((key!, patch!));
        }
        lock (context.Gate)
        {
            var (merged, keys, error) = Merge(patches);
            error ??= CheckUnique(merged!, keys!) ?? CheckAllReferences(merged!);
            if (error is not null)
            {
                return (null, error);
            }
            var now = context.Time.GetUtcNow();
            foreach (var (key, entity) in keys!.Zip(merged!))
            {
                Stamp(entity, now, created: false);
                Table.Put(key, entity, origin);
            }
            return (merged!.Select(e => View((JsonObject)e.DeepClone())).ToList(), null);
        }
    }

    public ApiError? Delete(string key, ChangeOrigin origin)
    {
        lock (context.Gate)
        {
            var stored = Table.Get(key);
            if (stored is null)
            {
                return ApiError.NotFound($"No {Schema.TypeName} with {Schema.Key.Name} '{key}' exists.");
            }
            var canonical = EntityReader.KeyText(stored[Schema.Key.Name]!);
            var refused = DeleteGuard?.Invoke(canonical);
            if (refused is null)
            {
                Table.Remove(canonical, origin);
            }
            return refused;
        }
    }
}
