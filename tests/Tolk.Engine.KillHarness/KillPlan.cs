using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Engine.KillHarness;

/// <summary>What the harness prints, shared with the test that reads its output.</summary>
internal static class KillPlan
{
    /// <summary>Precedes the JSON of the create the process dies after.</summary>
    public const string KilledPrefix = "KILLED AFTER CREATE ";

    /// <summary>Printed when every cycle ran without reaching the Nth create.</summary>
    public const string NotKilled = "SYNC ENDED WITHOUT THE KILL";

    /// <summary>The exit code of a usage or input error.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code when the sync ended without reaching the Nth create.</summary>
    public const int NoKill = 3;
}

/// <summary>The create that succeeded in the target system just before the process killed itself.</summary>
/// <param name="System">The target system.</param>
/// <param name="Datatype">The datatype created.</param>
/// <param name="RecordId">The id the system gave the new record.</param>
/// <param name="IdempotencyKey">The intent's key, by which the test finds the intent in the store.</param>
/// <param name="Fields">The fields sent, under the API's own names.</param>
/// <param name="Match">The merge-key fields sent with the request.</param>
internal sealed record KilledCreate(string System, string Datatype, string RecordId, string IdempotencyKey, JsonObject Fields,
    IReadOnlyDictionary<string, string> Match)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The line the harness prints.</summary>
    public string ToLine() => KillPlan.KilledPrefix + JsonSerializer.Serialize(this, Json);

    /// <summary>The create a harness line reports, or null when the line is something else.</summary>
    public static KilledCreate? Parse(string line) =>
        line.StartsWith(KillPlan.KilledPrefix, StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<KilledCreate>(line[KillPlan.KilledPrefix.Length..], Json)
            : null;
}
