using System.Globalization;
using Tolk.Connectors;

namespace Tolk.Tidsbanken.Internal;

/// <summary>
/// One read of a datatype's change stream, page by page: from (last seen − overlap) when there is a cursor, else from
/// the start, ordered by <c>SistEndretDato</c> then <c>Id</c>. Pages are keyset-bound (the next page starts after the
/// last position read, plus a <c>$skip</c> over unpositioned entities), because a plain <c>$skip</c> would skip a
/// record whenever an earlier one is edited mid-read and moves to the end. Records re-read unchanged inside the overlap
/// window are dropped.
/// </summary>
internal sealed class ChangeRead
{
    private const string Order = "SistEndretDato asc,Id asc";
    private readonly EntityType _type;
    private readonly TidsbankenCursor? _previous;
    private readonly TidsbankenOptions _options;
    private readonly DateTimeOffset? _from;
    private readonly Dictionary<string, SeenRecord> _recent;
    private readonly HashSet<string>? _known;
    private Position? _after;
    private int _skip;
    private DateTimeOffset? _lastSeen;

    public ChangeRead(EntityType type, TidsbankenCursor? previous, TidsbankenOptions options)
    {
        _type = type;
        _previous = previous;
        _options = options;
        _lastSeen = previous?.LastSeen;
        _from = _lastSeen - options.ChangeOverlap;
        _recent = new Dictionary<string, SeenRecord>(previous?.Recent ?? new Dictionary<string, SeenRecord>(), StringComparer.Ordinal);
        _known = type.Remove == RemoveMode.Delete
            ? new HashSet<string>(previous?.KnownIds ?? [], StringComparer.OrdinalIgnoreCase)
            : null;
    }

    /// <summary>Whether another page may hold more.</summary>
    public bool More { get; private set; } = true;

    /// <summary>Whether this read continues a cursor (rather than reading everything).</summary>
    public bool Incremental => _previous is not null;

    /// <summary>The cursor covering everything read so far.</summary>
    public TidsbankenCursor Cursor => new(_lastSeen, Trimmed(), _previous?.LastSweep, _known?.Order(StringComparer.Ordinal).ToList());

    public string NextQuery() => ODataQuery.Build(_type.ListPath,
        ("$select", _type.Select),
        ("$filter", Filter()),
        ("$orderby", Order),
        ("$top", _options.PageSize.ToString(CultureInfo.InvariantCulture)),
        ("$skip", _skip > 0 ? _skip.ToString(CultureInfo.InvariantCulture) : null));

    /// <summary>Takes a page of entities and returns the batch to hand on.</summary>
    public ReadBatch Accept(IReadOnlyList<System.Text.Json.Nodes.JsonNode?> page)
    {
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        var sinceLastPosition = 0;
        var positioned = false;
        foreach (var raw in page)
        {
            var item = RecordReader.Read(_type, raw, _options.ModifiedTimeCorrection);
            sinceLastPosition++;
            if (item.Position is { } position)
            {
                _after = position;
                positioned = true;
                sinceLastPosition = 0;
                _lastSeen = _lastSeen is { } seen && seen > position.Modified ? seen : position.Modified;
            }
            if (item.Problem is not null)
            {
                problems.Add(item.Problem);
                continue;
            }
            var record = item.Record!;
            _known?.Add(record.Id);
            var unchanged = _previous?.Recent.TryGetValue(record.Id, out var before) == true && before.Hash == item.Hash;
            _recent[record.Id] = new SeenRecord(item.Position!.Modified, item.Hash!);
            if (!unchanged)
            {
                records.Add(record);
            }
        }
        _skip = positioned ? sinceLastPosition : _skip + page.Count;
        More = page.Count >= _options.PageSize;
        return new ReadBatch(records, problems, Cursor.ToConnectorCursor());
    }

    private string? Filter()
    {
        if (_after is { } after)
        {
            var at = ODataQuery.Literal(after.Modified);
            return $"SistEndretDato gt {at} or (SistEndretDato eq {at} and Id gt {ODataQuery.KeyLiteral(_type, after.Id)})";
        }
        return _from is { } from ? $"SistEndretDato ge {ODataQuery.Literal(from)}" : null;
    }

    // Only records inside the next read's overlap window can come back, so only they need remembering.
    private Dictionary<string, SeenRecord> Trimmed()
    {
        var horizon = _lastSeen - _options.ChangeOverlap;
        return _recent.Where(r => horizon is null || r.Value.Modified >= horizon).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }
}
