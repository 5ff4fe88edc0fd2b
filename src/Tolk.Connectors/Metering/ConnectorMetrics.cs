using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tolk.Connectors.Metering;

/// <summary>
/// The connectors' instruments, under the meter <see cref="MeterName"/>: records read and written per system and
/// datatype, API calls (every attempt that reaches the network), 429 answers and retries. Nothing is exported here;
/// a host that wants them (the server's OpenTelemetry Prometheus endpoint) listens to the meter by name.
/// </summary>
public static class ConnectorMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Tolk.Connectors";

    // One meter for the process, as System.Net.Http has: connectors are built without DI, and instruments are cheap
    // no-ops until a listener subscribes.
    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> RecordsRead = Meter.CreateCounter<long>(
        "tolk.records.read", "{record}", "Records read from a system, per system and datatype");

    private static readonly Counter<long> RecordsWritten = Meter.CreateCounter<long>(
        "tolk.records.written", "{record}", "Creates, updates and deletes sent to a system, per system, datatype, operation and outcome");

    private static readonly Counter<long> ApiCalls = Meter.CreateCounter<long>(
        "tolk.api.calls", "{call}", "HTTP requests sent to a system's API (every attempt), per system, method and status");

    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "tolk.api.rate_limited", "{call}", "429 Too Many Requests answers, per system");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "tolk.api.retries", "{retry}", "Requests sent again after a 429, a 5xx or a timeout, per system");

    /// <summary>Counts records read.</summary>
    public static void Read(string system, string datatype, int count)
    {
        if (count > 0)
        {
            RecordsRead.Add(count, new TagList { { "system", system }, { "datatype", datatype } });
        }
    }

    /// <summary>Counts one write and how it ended (<c>ok</c>, or the failure kind in snake case).</summary>
    public static void Written(string system, string datatype, string operation, Failure? failure) =>
        RecordsWritten.Add(1, new TagList
        {
            { "system", system }, { "datatype", datatype }, { "operation", operation }, { "outcome", Outcome(failure) },
        });

    /// <summary>Counts one request that reached the network, with its status code (or <c>error</c> when none came back).</summary>
    public static void Call(string system, string method, int? status)
    {
        ApiCalls.Add(1, new TagList
        {
            { "system", system }, { "method", method },
            { "status", status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error" },
        });
        if (status == 429)
        {
            RateLimited.Add(1, new TagList { { "system", system } });
        }
    }

    /// <summary>Counts one retry.</summary>
    public static void Retry(string system) => Retries.Add(1, new TagList { { "system", system } });

    private static string Outcome(Failure? failure) => failure?.Kind switch
    {
        null => "ok",
        FailureKind.NotFound => "not_found",
        FailureKind.Rejected => "rejected",
        FailureKind.Conflict => "conflict",
        FailureKind.RateLimited => "rate_limited",
        FailureKind.Unavailable => "unavailable",
        FailureKind.CredentialsRejected => "credentials_rejected",
        FailureKind.NotSupported => "not_supported",
        _ => "other",
    };
}
