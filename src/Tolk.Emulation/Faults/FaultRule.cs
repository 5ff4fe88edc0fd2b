namespace Tolk.Emulation.Faults;

/// <summary>
/// One fault to inject, set through <c>POST /_emulator/faults</c>. It fires on the <see cref="Nth"/> matching call
/// (counted from when the rule was set) or with <see cref="Probability"/>, at most <see cref="Times"/> times.
/// </summary>
/// <param name="Action">
/// For requests: <c>status</c> (answer <see cref="Status"/> in the system's own error format), <c>delay</c> (wait
/// <see cref="DelayMs"/>, then serve), <c>drop-response</c> (apply the call, then drop the connection: a lost response),
/// <c>drop-request</c> (drop the connection before applying anything). For webhook deliveries: <c>drop</c>,
/// <c>duplicate</c>, <c>reorder</c> (held back and sent after the next delivery).
/// </param>
public sealed record FaultRule(
    string Action,
    string Target = FaultTargets.Request,
    string? Method = null,
    string? Path = null,
    int? Nth = null,
    double? Probability = null,
    int? Times = null,
    int? Status = null,
    int? DelayMs = null,
    int? RetryAfterSeconds = null,
    string? Message = null,
    string? Id = null);

/// <summary>What a fault rule applies to.</summary>
public static class FaultTargets
{
    /// <summary>Calls to the system's API.</summary>
    public const string Request = "request";

    /// <summary>Webhook deliveries the emulator sends.</summary>
    public const string Webhook = "webhook";
}

/// <summary>The actions a fault rule can take.</summary>
public static class FaultActions
{
    /// <summary>Answer with an error status.</summary>
    public const string Status = "status";
    /// <summary>Wait, then serve.</summary>
    public const string Delay = "delay";
    /// <summary>Apply the call, then drop the connection.</summary>
    public const string DropResponse = "drop-response";
    /// <summary>Drop the connection before applying the call.</summary>
    public const string DropRequest = "drop-request";
    /// <summary>Never send a webhook delivery.</summary>
    public const string Drop = "drop";
    /// <summary>Send a webhook delivery twice.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>Hold a webhook delivery back and send it after the next one.</summary>
    public const string Reorder = "reorder";

    internal static readonly string[] ForRequests = [Status, Delay, DropResponse, DropRequest];
    internal static readonly string[] ForWebhooks = [Drop, Duplicate, Reorder, Delay];
}
