using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Tidsbanken.Internal;

namespace Tolk.Tidsbanken;

/// <summary>
/// Lost creates: keys are chosen by the client, so a create whose response was lost is found by its key (given, or
/// derived from the idempotency key); an Ansatt numbered by the connector is found by its merge-key fields.
/// </summary>
public sealed partial class TidsbankenConnector
{
    private static readonly string[] PersonFields = ["Epost", "Fornavn", "Etternavn"];

    /// <inheritdoc />
    public async Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = TypeOf(datatype);
        var key = WriteBodies.GivenKey(type, request.Properties) ?? (type.IntegerKey ? null : WriteBodies.DerivedKey(request.IdempotencyKey));
        return key is not null
            ? (await FindOwnAsync(type, key, request, cancellationToken)).Record
            : await SearchAsync(type, request, cancellationToken);
    }

    // The record under the key, if it is this create's (a derived key is proof enough); else a search by merge keys.
    private async Task<(ConnectorRecord? Record, Failure? Failure)> FindOwnAsync(EntityType type, string key, CreateRequest request,
        CancellationToken ct)
    {
        var (found, failure) = await GetByKeyAsync(type, key, ct);
        if (failure is not null)
        {
            return (null, failure);
        }
        var derived = WriteBodies.GivenKey(type, request.Properties) is null && !type.IntegerKey;
        if (found is not null && (derived || WriteBodies.Matches(type, found.Properties, request)))
        {
            return (found, null);
        }
        return (type.IntegerKey && WriteBodies.GivenKey(type, request.Properties) is null ? await SearchAsync(type, request, ct) : null, null);
    }

    private async Task<(ConnectorRecord? Record, Failure? Failure)> GetByKeyAsync(EntityType type, string key, CancellationToken ct)
    {
        if (!type.KeyedGet)
        {
            var (page, failure) = await ListAsync(ODataQuery.Build(type.ListPath, ("$select", type.Select),
                ("$filter", $"Id eq {ODataQuery.KeyLiteral(type, key)}")), ct);
            return failure is not null ? (null, failure) : (page!.Count > 0 ? RecordOf(type, page[0], key) : null, null);
        }
        var path = $"{type.ListPath}({Uri.EscapeDataString(ODataQuery.KeyLiteral(type, key)).Replace("%27", "'", StringComparison.Ordinal)})";
        try
        {
            var reply = await _api.GetAsync(ODataQuery.Build(path, ("$select", type.Select)), ct);
            return reply.IsSuccess ? (RecordOf(type, reply.Body, key), null)
                : reply.Status == HttpStatusCode.NotFound ? (null, null)
                : (null, Failures.From(reply, $"GET {type.ListPath}(key)", _guard));
        }
        catch (Exception e) when (IsNoAnswer(e, ct))
        {
            return (null, Failures.Unreachable($"GET {type.ListPath}(key)", e));
        }
    }

    // Looks a created record up by its merge-key fields (or, without any, the person's e-mail and name).
    private async Task<ConnectorRecord?> SearchAsync(EntityType type, CreateRequest request, CancellationToken ct)
    {
        var terms = (request.MatchFields ?? new Dictionary<string, string>())
            .Where(m => type.Find(m.Key) is { Kind: FieldKind.Text })
            .Select(m => (Name: type.Find(m.Key)!.Name, m.Value)).ToList();
        if (terms.Count == 0)
        {
            terms = PersonFields.Where(f => type.Find(f) is not null)
                .Select(f => (Name: f, Value: request.Properties[f] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null))
                .Where(t => !string.IsNullOrWhiteSpace(t.Value)).Select(t => (t.Name, t.Value!)).ToList();
        }
        if (terms.Count == 0)
        {
            return null;
        }
        var filter = string.Join(" and ", terms.Select(t => $"{t.Name} eq {ODataQuery.Text(t.Value.Trim())}"));
        var (page, _) = await ListAsync(ODataQuery.Build(type.ListPath, ("$select", type.Select), ("$filter", filter),
            ("$orderby", "Id desc"), ("$top", "10")), ct);
        return page?.Select(p => RecordOf(type, p, "")).FirstOrDefault(r => WriteBodies.Matches(type, r.Properties, request));
    }
}
