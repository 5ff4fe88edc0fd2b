namespace Tolk.Emulation.Webhooks;

/// <summary>How a system retries a delivery that got no 2xx: at most <paramref name="MaxAttempts"/>, waiting
/// <paramref name="Backoff"/>(attempt) between them, each attempt given <paramref name="Timeout"/>. With
/// <paramref name="StopOnGone"/> a 410 answer ends the retries at once (Trello's rule; not every system has it).</summary>
public sealed record WebhookRetryPolicy(int MaxAttempts, Func<int, TimeSpan> Backoff, TimeSpan Timeout, bool StopOnGone = true)
{
    /// <summary>Exponential backoff from <paramref name="first"/>, doubling, capped at <paramref name="cap"/>.</summary>
    public static Func<int, TimeSpan> Exponential(TimeSpan first, TimeSpan cap) =>
        attempt => TimeSpan.FromTicks(Math.Min(cap.Ticks, first.Ticks * (1L << Math.Min(attempt - 1, 30))));
}

/// <summary>One outgoing webhook request, already signed by the emulator that made it.</summary>
/// <param name="Subscription">The emulator's id for the webhook registration, reported back through <paramref name="OnFinished"/>.</param>
/// <param name="OnFinished">Called once with the last attempt, so the emulator can update or delete the registration
/// (Trello deletes a webhook answered with 410; Asana after a day of failures).</param>
/// <param name="SignAttempt">When set, computes the headers afresh for each attempt (signatures that include the
/// time of sending, such as Crmoffice's <c>t=</c>, must not be replayed from the first attempt).</param>
/// <param name="OnAttempt">Called after every attempt, for systems that report failures on the registration.</param>
public sealed record WebhookDelivery(
    string Subscription,
    Uri Url,
    byte[] Body,
    IReadOnlyDictionary<string, string> Headers,
    WebhookRetryPolicy Retry,
    Action<WebhookAttempt>? OnFinished = null,
    Func<IReadOnlyDictionary<string, string>>? SignAttempt = null,
    Action<WebhookAttempt>? OnAttempt = null);

/// <summary>The outcome of one delivery attempt.</summary>
public sealed record WebhookAttempt(
    string Subscription,
    Uri Url,
    int Attempt,
    int? Status,
    string? Error,
    DateTimeOffset At,
    string? Fault)
{
    /// <summary>Whether the receiver answered 2xx.</summary>
    public bool Succeeded => Status is >= 200 and < 300;
}
