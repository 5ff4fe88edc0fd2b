using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Tolk.Connectors.Webhooks;
using Tolk.Engine.Running;
using Tolk.Hub.Store;
using Tolk.Server.Metrics;

namespace Tolk.Server.Webhooks;

/// <summary>
/// <c>/webhooks/{system}</c>: each delivery is judged by its system's connector (signature, handshake, replay window)
/// and, when accepted, the records it names (or their datasets) are read at once by the runner. Deliveries are hints: a duplicate or a
/// replay only makes the runner read again, and an unchanged record is not appended, so it changes nothing.
/// </summary>
internal static partial class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/webhooks/{system}", [HttpMethods.Post, HttpMethods.Head, HttpMethods.Get], ReceiveAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task ReceiveAsync(string system, HttpContext http, ServerContext context, SyncMetrics metrics, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Tolk.Server.Webhooks");
        if (!context.Connectors.TryGetValue(system, out var connector) || connector is not IWebhookConnector webhooks)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = await ReadBodyAsync(http.Request, context.Options.MaxWebhookBytes, http.RequestAborted);
        if (body is null)
        {
            metrics.Delivery(system, "rejected");
            LogRejected(logger, system, "the body is larger than the server accepts");
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var verdict = webhooks.Receive(new WebhookRequest(http.Request.Method, context.CallbackUrl(system), headers, body));
        foreach (var (name, value) in verdict.ResponseHeaders)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.StatusCode = verdict.Status;
        if (verdict.Rejection is not null)
        {
            metrics.Delivery(system, "rejected");
            LogRejected(logger, system, verdict.Rejection);
            return;
        }

        var known = context.DatasetsOf(system).ToHashSet();
        var request = new CollectRequest();
        foreach (var hint in verdict.Hints.Where(h => known.Contains(new Dataset(system, h.Datatype))))
        {
            var dataset = new Dataset(system, hint.Datatype);
            if (hint.RecordId is { Length: > 0 } id)
            {
                request.Read(dataset, id);
            }
            else
            {
                request.Read(dataset);
            }
        }

        metrics.Delivery(system, verdict.Hints.Count == 0 ? "handshake" : "accepted");
        if (!request.IsEmpty)
        {
            var datasets = request.Datasets.Concat(request.Records.Select(r => r.Dataset)).Distinct().ToArray();
            metrics.Triggered(datasets);
            context.Runner.Trigger(request);
            LogAccepted(logger, system, string.Join(", ", datasets));
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {System} webhook delivery: {Reason}")]
    private static partial void LogRejected(ILogger logger, string system, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{System} webhook: reading {Datasets} now")]
    private static partial void LogAccepted(ILogger logger, string system, string datasets);
}
