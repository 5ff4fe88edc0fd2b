using System.Text.Json.Nodes;
using Tolk.Connectors.Webhooks;
using Tolk.Emulation.Hosting;

namespace Tolk.Connectors.Compliance;

/// <summary>A record edited the way a person would, and the field and value a read must now show.</summary>
public sealed record PersonEdit(string Datatype, string Id, string Field, JsonNode? Value);

/// <summary>What the create/update/delete round trip writes for one datatype.</summary>
/// <param name="Create">The fields to create the record with.</param>
/// <param name="Update">The fields to change afterwards.</param>
/// <param name="MatchFields">The merge-key fields a lost create can be found by.</param>
public sealed record WriteCase(string Datatype, JsonObject Create, JsonObject Update, IReadOnlyDictionary<string, string>? MatchFields = null);

/// <summary>A signed webhook delivery the connector must accept, and the same delivery tampered with.</summary>
public sealed record WebhookCase(WebhookRequest Valid, WebhookRequest Tampered);

/// <summary>
/// What a system's test project supplies to <see cref="ConnectorCompliance{TFixture}"/>: its emulator, a connector
/// configured against it, and the system-specific facts the generic tests need.
/// </summary>
public interface IConnectorFixture : IAsyncDisposable
{
    /// <summary>Starts the emulator (idempotent).</summary>
    Task StartAsync();

    /// <summary>The running emulator.</summary>
    RunningEmulator Emulator { get; }

    /// <summary>A new connector against the emulator; with <paramref name="badCredentials"/>, with credentials it refuses.</summary>
    IConnector CreateConnector(bool badCredentials = false);

    /// <summary>The datatypes the dataflows read from this system.</summary>
    IReadOnlyList<string> ReadDatatypes { get; }

    /// <summary>The ids the emulator holds for a datatype right now (through its admin channel).</summary>
    Task<IReadOnlySet<string>> ExpectedIdsAsync(string datatype);

    /// <summary>Edits one record of <paramref name="datatype"/> as a person would.</summary>
    Task<PersonEdit> PersonEditAsync(string datatype);

    /// <summary>Makes one record of <paramref name="datatype"/> malformed as the API returns it; returns its id and the bad field.</summary>
    Task<(string Id, string Field)> CorruptRecordAsync(string datatype);

    /// <summary>Lowers the emulator's rate limits far enough that a full read meets them.</summary>
    Task LowerRateLimitsAsync();

    /// <summary>The round trip to run, for a datatype the connector can create, update and delete (or archive).</summary>
    WriteCase WriteCase { get; }

    /// <summary>A delivery to accept and one to reject; null for systems without webhooks.</summary>
    Task<WebhookCase?> WebhookCaseAsync();
}
