using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Customerp.Internal;
using Tolk.Customerp.Internal.Dto;

namespace Tolk.Customerp;

public sealed partial class CustomerpConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// The contract has no search, so this lists the records changed within <see cref="CustomerpOptions.RecoveryWindow"/>
    /// (a record created then is at least that recent) and takes the newest live one whose match fields, or else every
    /// field of the request, are equal. A repeated create with the same key is also safe within the API's 24 hours.
    /// </remarks>
    public async Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CustomerpCollections.Find(datatype) is not { } collection)
        {
            return null;
        }
        var (found, failure) = await LookUpCreatedAsync(collection, request, cancellationToken);
        if (failure is not null)
        {
            _logger.LogWarning("customerp {Datatype}: could not look for a lost create: {Failure}", datatype, failure.Message);
        }
        return found;
    }

    private async Task<(ConnectorRecord? Found, Failure? Failure)> LookUpCreatedAsync(CustomerpCollection collection, CreateRequest request,
        CancellationToken ct)
    {
        var since = (_time.GetUtcNow() - _options.RecoveryWindow).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        ConnectorRecord? best = null;
        string? next = null;
        do
        {
            var (reply, unreachable) = await ListAsync(collection, since, next, ct);
            if (unreachable is not null)
            {
                return (null, unreachable);
            }
            if (!reply!.Succeeded || ListPage.From(reply.Body) is not { } page)
            {
                return (null, Failures.From(reply, _guard, $"look up a lost {collection.Datatype} create"));
            }
            foreach (var item in page.Items)
            {
                var (record, _, version) = RecordReader.Read(collection, item);
                if (record is { Deleted: false } && Matches(record, request) && (best is null || IdOf(record) > IdOf(best)))
                {
                    best = record;
                    Remember(collection.Datatype, record.Id, version);
                }
            }
            next = page.NextCursor;
        }
        while (next is not null);
        return (best, null);
    }

    private static bool Matches(ConnectorRecord record, CreateRequest request) =>
        request.MatchFields is { Count: > 0 } keys
            ? keys.All(k => record.Properties[k.Key] is JsonValue v && v.GetValueKind() != JsonValueKind.Null
                && string.Equals(v.GetValueKind() == JsonValueKind.String ? (string)v! : v.ToJsonString(), k.Value, StringComparison.OrdinalIgnoreCase))
            : request.Properties.All(p => JsonNode.DeepEquals(p.Value, record.Properties[p.Key]));

    private static long IdOf(ConnectorRecord record) => long.Parse(record.Id, CultureInfo.InvariantCulture);
}
