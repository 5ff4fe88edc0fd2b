using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Custompms.Internal;

namespace Tolk.Custompms;

public sealed partial class CustompmsConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// The contract has no search, and asking with the Idempotency-Key again would create the record if it was never
    /// made. So this lists the records modified within <see cref="CustompmsOptions.RecoveryWindow"/> (one created then
    /// is at least that recent), keeps those also created within it, and takes the newest whose match fields, or else
    /// every field of the request, are equal.
    /// </remarks>
    public async Task<ConnectorRecord?> FindCreatedAsync(string datatype, CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CustompmsCollections.Find(datatype) is not { } collection)
        {
            return null;
        }
        var (found, failure) = await LookUpCreatedAsync(collection, request, cancellationToken);
        if (failure is not null)
        {
            _logger.LogWarning("custompms {Datatype}: could not look for a lost create: {Failure}", datatype, failure.Message);
        }
        return found;
    }

    private async Task<(ConnectorRecord? Found, Failure? Failure)> LookUpCreatedAsync(CustompmsCollection collection, CreateRequest request,
        CancellationToken ct)
    {
        var cutoff = Stamps.Truncate(_time.GetUtcNow() - _options.RecoveryWindow);
        var position = ListingPosition.From(cutoff);
        (ConnectorRecord Record, DateTimeOffset Created)? best = null;
        while (true)
        {
            var (items, more, failure) = await ListPageAsync(collection, position, ct);
            if (failure is not null)
            {
                return (null, failure);
            }
            var (fresh, next) = position.Advance(items!);
            foreach (var item in fresh)
            {
                if (RecordReader.Read(collection, item).Record is { } record && Stamps.Read(record.Properties["createdAt"]) is { } created
                    && created >= cutoff && Matches(record, request) && (best is null || created >= best.Value.Created))
                {
                    best = (record, created);
                }
            }
            if (!more || items!.Count == 0)
            {
                return (best?.Record, null);
            }
            position = next;
        }
    }

    private static bool Matches(ConnectorRecord record, CreateRequest request) =>
        request.MatchFields is { Count: > 0 } keys
            ? keys.All(k => record.Properties[k.Key] is JsonValue v && v.GetValueKind() != JsonValueKind.Null
                && string.Equals(v.GetValueKind() == JsonValueKind.String ? (string)v! : v.ToJsonString(), k.Value, StringComparison.OrdinalIgnoreCase))
            : request.Properties.All(p => JsonNode.DeepEquals(p.Value, record.Properties[p.Key]));
}
