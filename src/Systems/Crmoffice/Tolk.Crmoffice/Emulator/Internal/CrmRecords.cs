using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Emulation.Data;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>The result of a write: the stored record, or the error the API answers with.</summary>
internal sealed record Outcome(JsonObject? Record, CrmError? Error);

/// <summary>
/// Crmoffice's records and the rules of writing them, shared by the API and by a person's edits through the admin
/// channel. One gate serializes writes, so uniqueness and reference checks see a stable database.
/// </summary>
internal sealed partial class CrmRecords(EmulatorDatabase database, TimeProvider time)
{
    private readonly Dictionary<string, int> _lastNumber = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RecordTable Table(string collection) => database.Find(collection)!;

    public bool Exists(string collection, string id) => database.Find(collection)?.Contains(id) == true;

    /// <summary>The lock every write holds.</summary>
    public Lock Gate => _gate;

    /// <summary>The last number handed out per id prefix, for a snapshot.</summary>
    public IReadOnlyDictionary<string, int> LastNumbers()
    {
        lock (_gate) { return new Dictionary<string, int>(_lastNumber, StringComparer.Ordinal); }
    }

    /// <summary>Sets the counters from a snapshot; each prefix continues at least past the highest id of the records.</summary>
    public void RestoreNumbers(IEnumerable<KeyValuePair<string, long>> saved)
    {
        lock (_gate)
        {
            _lastNumber.Clear();
            foreach (var (prefix, n) in saved)
            {
                _lastNumber[prefix] = checked((int)n);
            }
            foreach (var table in database.Collections)
            {
                foreach (var record in table.All())
                {
                    if ((string?)record["id"] is { } id && id.LastIndexOf('-') is > 0 and var dash
                        && int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        var prefix = id[..dash];
                        _lastNumber[prefix] = Math.Max(_lastNumber.GetValueOrDefault(prefix), number);
                    }
                }
            }
        }
    }

    /// <summary>Forgets the id counters; the tables are emptied by the kernel.</summary>
    public void Reset()
    {
        lock (_gate) { _lastNumber.Clear(); }
    }

    /// <summary>The next server-assigned id of a collection; ids are never reused, not even after a delete.</summary>
    public string NextId(string prefix)
    {
        lock (_gate)
        {
            var n = _lastNumber.GetValueOrDefault(prefix) + 1;
            _lastNumber[prefix] = n;
            return prefix + "-" + n.ToString("D" + CrmofficeAssumptions.IdDigits, CultureInfo.InvariantCulture);
        }
    }

    public Outcome Create(CollectionSchema schema, JsonObject input, ChangeOrigin origin)
    {
        lock (_gate)
        {
            var errors = new List<CrmErrorDetail>();
            var record = RecordValidator.Apply(schema, null, input, Exists, errors);
            if (errors.Count > 0)
            {
                return new(null, CrmError.Validation(errors));
            }
            if (Conflict(schema, record) is { } conflict)
            {
                return new(null, conflict);
            }
            var now = CrmTime.Format(time.GetUtcNow());
            var id = NextId(schema.IdPrefix);
            record["id"] = id;
            record["createdAt"] = now;
            record["updatedAt"] = now;
            Table(schema.Name).Put(id, record, origin);
            return new(record, null);
        }
    }

    public Outcome Update(CollectionSchema schema, string id, JsonObject input, ChangeOrigin origin)
    {
        lock (_gate)
        {
            var table = Table(schema.Name);
            if (table.Get(id) is not { } current)
            {
                return new(null, NotFound(schema, id));
            }
            var errors = new List<CrmErrorDetail>();
            var record = RecordValidator.Apply(schema, current, input, Exists, errors);
            if (errors.Count > 0)
            {
                return new(null, CrmError.Validation(errors));
            }
            if (Conflict(schema, record) is { } conflict)
            {
                return new(null, conflict);
            }
            record["updatedAt"] = CrmTime.Format(time.GetUtcNow());
            table.Put(id, record, origin);
            return new(record, null);
        }
    }

    public CrmError? Delete(CollectionSchema schema, string id, ChangeOrigin origin)
    {
        lock (_gate)
        {
            var table = Table(schema.Name);
            if (!table.Contains(id))
            {
                return NotFound(schema, id);
            }
            if (ReferencedBy(schema, id) is { } referrer)
            {
                return CrmError.Conflict($"The {schema.Singular} {id} cannot be deleted: {referrer} refers to it.");
            }
            table.Remove(id, origin);
            return null;
        }
    }

    public static CrmError NotFound(CollectionSchema schema, string id) => CrmError.NotFound($"No {schema.Singular} with id {id}.");

    private CrmError? Conflict(CollectionSchema schema, JsonObject record)
    {
        if (schema != CrmSchemas.Companies || (string?)record["orgNr"] is not { } orgNr)
        {
            return null;
        }
        var id = (string?)record["id"];
        var others = Table("companies").Where(c => (string?)c["orgNr"] == orgNr && (string?)c["id"] != id);
        var other = others.Count > 0 ? others[0] : null;
        return other is null
            ? null
            : CrmError.Conflict($"A company with orgNr {orgNr} already exists ({other["id"]}).", new CrmErrorDetail("orgNr", $"is already used by {other["id"]}"));
    }

    private string? ReferencedBy(CollectionSchema schema, string id)
    {
        foreach (var other in CrmSchemas.All)
        {
            foreach (var field in other.Fields.Where(f => f.Target == schema.Name))
            {
                var referrers = Table(other.Name).Where(r => (string?)r[field.Name] == id);
                if (referrers.Count > 0 && referrers[0] is var referrer)
                {
                    return $"{other.Singular} {referrer["id"]} ({field.Name})";
                }
            }
        }
        return null;
    }
}
