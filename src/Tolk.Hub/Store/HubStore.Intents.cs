using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace Tolk.Hub.Store;

/// <summary>
/// Write intents: an insert is recorded (and committed) before the API call, so that after a crash Tolk looks for the
/// record it may have created instead of creating a second one.
/// </summary>
public abstract partial class HubStore
{
    /// <inheritdoc/>
    public async Task<WriteIntent?> GetIntentAsync(long intentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Intents/select_intent").With("@id", intentId);
        return await command.ReadFirstAsync(ReadIntent, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WriteIntent>> GetPendingIntentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "Intents/select_pending_intents");
        return await command.ReadAllAsync(ReadIntent, cancellationToken);
    }

    internal async Task<WriteIntent> AddIntentCoreAsync(HubWriter writer, NewIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentException.ThrowIfNullOrWhiteSpace(intent.IdempotencyKey, nameof(intent));
        ArgumentNullException.ThrowIfNull(intent.Role, nameof(intent));
        var payload = JsonText.Check(intent.Payload, nameof(intent));
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
        await using var command = writer.Command("Intents/insert_intent")
            .With("@cluster_id", intent.ClusterId)
            .With("@dataset_id", await writer.DatasetIdAsync(intent.Dataset, cancellationToken))
            .With("@role", intent.Role)
            .With("@payload", payload)
            .With("@payload_hash", payloadHash)
            .With("@idempotency_key", intent.IdempotencyKey)
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        var id = await command.ScalarInt64Async(cancellationToken);
        return await ReadPendingIntentAsync(writer, id, cancellationToken);
    }

    internal async Task<AppendResult> CompleteIntentCoreAsync(
        HubWriter writer, long intentId, HubRecord created, string? syncedValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        var intent = await ReadPendingIntentAsync(writer, intentId, cancellationToken);
        var appended = await AppendCoreAsync(writer, intent.Dataset, [created], AppendMode.AllOrNothing, cancellationToken);
        if (!appended.IsComplete)
        {
            return appended;
        }
        var member = new MemberKey(intent.Dataset, created.Id, intent.Role);
        await AddMemberCoreAsync(writer, intent.ClusterId, member, JoinedBy.Insert, cancellationToken);
        if (syncedValues is not null)
        {
            await SetSyncedValuesCoreAsync(writer, member, syncedValues, cancellationToken);
        }
        await ResolveIntentAsync(writer, intentId, IntentState.Done, created.Id, null, cancellationToken);
        return appended;
    }

    internal async Task FailIntentCoreAsync(HubWriter writer, long intentId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await ReadPendingIntentAsync(writer, intentId, cancellationToken);
        await ResolveIntentAsync(writer, intentId, IntentState.Failed, null, reason, cancellationToken);
    }

    private async Task<WriteIntent> ReadPendingIntentAsync(HubWriter writer, long intentId, CancellationToken cancellationToken)
    {
        await using var select = writer.Command("Intents/select_intent").With("@id", intentId);
        var intent = await select.ReadFirstAsync(ReadIntent, cancellationToken)
            ?? throw new InvalidOperationException($"There is no write intent {intentId}.");
        return intent.State == IntentState.Pending
            ? intent
            : throw new InvalidOperationException($"Write intent {intentId} is already {intent.State.ToString().ToLowerInvariant()}.");
    }

    private async Task ResolveIntentAsync(
        HubWriter writer, long intentId, IntentState state, string? recordId, string? error, CancellationToken cancellationToken)
    {
        await using var command = writer.Command("Intents/resolve_intent")
            .With("@id", intentId)
            .With("@state", state.ToString().ToLowerInvariant())
            .With("@record_id", recordId)
            .With("@error", error)
            .With("@now", Dialect.Time(Time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private WriteIntent ReadIntent(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetDataset(2), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
        Enum.Parse<IntentState>(r.GetString(8), ignoreCase: true), Dialect.ReadTime(r, 9), Dialect.ReadNullableTime(r, 10),
        r.GetNullableString(11), r.GetNullableString(12));
}
