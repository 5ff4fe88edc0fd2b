using Microsoft.Extensions.Logging;

namespace Tolk.Asana.Internal;

/// <summary>The connector's log lines; none of them carries a token or a webhook secret.</summary>
internal static class Log
{
    private static readonly Action<ILogger, string, string, Exception?> FullReadAction =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1, "AsanaFullRead"), "asana {Datatype}: full read ({Reason})");

    private static readonly Action<ILogger, string, string, Exception?> WebhookAction =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(2, "AsanaWebhook"), "asana: webhook {Gid} on workspace {Workspace}");

    private static readonly Action<ILogger, string, Exception?> RejectedAction =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(3, "AsanaWebhookRejected"), "asana: webhook request refused: {Reason}");

    public static void FullRead(ILogger logger, string datatype, string reason) => FullReadAction(logger, datatype, reason, null);

    public static void Webhook(ILogger logger, string gid, string workspace) => WebhookAction(logger, gid, workspace, null);

    public static void Rejected(ILogger logger, string reason) => RejectedAction(logger, reason, null);
}
