using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Data;

namespace Tolk.Customerp.Emulator;

/// <summary>The outcome of a write: the stored record, or the problem that stopped it.</summary>
internal sealed record WriteOutcome(JsonObject? Record, Problem? Problem, bool Changed = true);

public sealed partial class CustomerpEmulator
{
    /// <summary>Creates a record from a validated body: 400 on bad fields or references, 409 on a taken unique value.</summary>
    internal WriteOutcome Create(CollectionSchema schema, JsonElement body, ChangeOrigin origin)
    {
        var collection = _collections[schema.Name];
        lock (_sync)
        {
            var (fields, errors) = ReadFields(schema, body);
            foreach (var rule in schema.Fields.Where(f => !fields.ContainsKey(f.Name)))
            {
                if (rule.Required && !errors.ContainsKey(rule.Name))
                {
                    errors[rule.Name] = ["is required"];
                }
                fields[rule.Name] = rule.Default?.Invoke();
            }
            CheckReferences(schema, fields, errors);
            if (errors.Count > 0)
            {
                return new WriteOutcome(null, Problem.Invalid(errors));
            }
            if (schema == Projects && !HasValue(body, "project_number"))
            {
                fields["project_number"] = NextProjectNumber(collection.Index);
            }
            if (CheckUnique(collection, fields, null) is { } conflict)
            {
                return new WriteOutcome(null, conflict);
            }
            var id = ++collection.NextId;
            var record = Build(schema, id, new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))), Context.Time.GetUtcNow());
            collection.Table.Put(Key(id), record, origin);
            return new WriteOutcome(record, null);
        }
    }

    /// <summary>
    /// Applies a JSON merge patch. Checks run in RFC 9110's order: the record must exist (404), then the precondition
    /// (412), then the body (415/413/400) and the unique values (409).
    /// </summary>
    internal WriteOutcome Update(CollectionSchema schema, int id, Func<(JsonElement Body, Problem? Problem)> readBody, string? ifMatch, ChangeOrigin origin)
    {
        var collection = _collections[schema.Name];
        lock (_sync)
        {
            if (Live(collection, id) is not { } current)
            {
                return new WriteOutcome(null, NotFound(schema, id));
            }
            if (ifMatch is not null && !EntityTag.Matches(ifMatch, (int)current["version"]!))
            {
                return new WriteOutcome(null, PreconditionFailed(current));
            }
            var (body, bodyProblem) = readBody();
            if (bodyProblem is not null)
            {
                return new WriteOutcome(null, bodyProblem);
            }
            var (fields, errors) = ReadFields(schema, body);
            CheckReferences(schema, fields, errors);
            if (errors.Count > 0)
            {
                return new WriteOutcome(null, Problem.Invalid(errors));
            }
            var changes = fields.Where(f => !JsonNode.DeepEquals(current[f.Key], f.Value)).ToDictionary();
            if (changes.Count == 0)
            {
                return new WriteOutcome(current, null, Changed: false);
            }
            if (CheckUnique(collection, changes, id) is { } conflict)
            {
                return new WriteOutcome(null, conflict);
            }
            foreach (var (name, value) in changes)
            {
                current[name] = value?.DeepClone();
            }
            Touch(schema.Name, current, Context.Time.GetUtcNow());
            collection.Table.Put(Key(id), current, origin);
            return new WriteOutcome(current, null);
        }
    }

    /// <summary>Soft-deletes: the record keeps its fields, gets <c>deleted_at</c>, a new version and a new <c>updated_at</c>.</summary>
    internal WriteOutcome Delete(CollectionSchema schema, int id, string? ifMatch, ChangeOrigin origin)
    {
        var collection = _collections[schema.Name];
        lock (_sync)
        {
            if (Live(collection, id) is not { } current)
            {
                return new WriteOutcome(null, NotFound(schema, id));
            }
            if (ifMatch is not null && !EntityTag.Matches(ifMatch, (int)current["version"]!))
            {
                return new WriteOutcome(null, PreconditionFailed(current));
            }
            var now = Context.Time.GetUtcNow();
            current["deleted_at"] = Rfc3339.Format(now);
            Touch(schema.Name, current, now);
            collection.Table.Put(Key(id), current, origin);
            return new WriteOutcome(current, null);
        }
    }

    /// <inheritdoc />
    protected override void Touch(string collection, JsonObject record, DateTimeOffset now)
    {
        record["updated_at"] = Rfc3339.Format(now);
        record["version"] = ((int?)record["version"] ?? 0) + 1;
    }

    private static JsonObject? Live(Collection collection, int id) =>
        collection.Table.Get(Key(id)) is { } record && record["deleted_at"] is null ? record : null;

    private static bool HasValue(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static string NextProjectNumber(RecordIndex index)
    {
        var n = index.HighestNumber + 1;
        var field = Projects.Find("project_number")!;
        while (index.Owner(field, $"P-{n}") is not null)
        {
            n++;
        }
        return $"P-{n}";
    }
}
