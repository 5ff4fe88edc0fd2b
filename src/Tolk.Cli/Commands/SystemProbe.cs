using Tolk.Connectors;

namespace Tolk.Cli.Commands;

/// <summary>
/// A cheap read of one system through its connector: the first page of one datatype. It proves the base URL answers
/// and the credentials are accepted, with the same code the sync uses.
/// </summary>
internal static class SystemProbe
{
    /// <summary>How long one system may take to answer (the connector retries unavailable systems with backoff meanwhile).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    // The connectors' guard says "credentials rejected for asana: GET ... answered 401"; the line says the first part already.
    private static string Detail(string message, string system) =>
        message.StartsWith($"credentials rejected for {system}: ", StringComparison.Ordinal) ? message[$"credentials rejected for {system}: ".Length..] : message;

    /// <summary>What the read showed: null problem when the system answered with the credentials accepted.</summary>
    public static async Task<(string? Problem, string Detail)> ReadAsync(IConnector connector, string datatype, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var batch in connector.ReadAsync(datatype, ConnectorCursor.None, timeout.Token))
            {
                return batch.Stopped switch
                {
                    null => (null, $"{baseUrl} answered and accepted the credentials ({batch.Records.Count} {datatype} record(s) on the first page)"),
                    { Kind: FailureKind.CredentialsRejected } f => ($"{baseUrl} rejected the credentials: {Detail(f.Message, connector.System)}", ""),
                    { Kind: FailureKind.Unavailable } f => ($"unreachable at {baseUrl}: {f.Message}", ""),
                    var f => ($"reading {datatype} from {baseUrl} failed ({f.Kind}): {f.Message}", ""),
                };
            }

            return (null, $"{baseUrl} answered and accepted the credentials (no {datatype} records)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"no answer from {baseUrl} within {Timeout.TotalSeconds:0}s", "");
        }
        catch (HttpRequestException e)
        {
            return ($"unreachable at {baseUrl}: {e.Message}", "");
        }
    }
}
