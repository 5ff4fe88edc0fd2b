namespace Tolk.Trello.Internal;

/// <summary>
/// What the connector knows of one of Trello's rate-limit windows (per token, per key, or per token on
/// <c>/1/members/</c>): the limit and interval (documented values until a response's headers say otherwise), the
/// requests left, and when the window is expected to reset. Not thread-safe: <see cref="TrelloRateGate"/> locks.
/// </summary>
internal sealed class RateScope(string name, int max, TimeSpan interval)
{
    /// <summary>The scope's name in Trello's headers: <c>x-rate-limit-{Name}-remaining</c>.</summary>
    public string Name { get; } = name;

    public int Max { get; private set; } = max;

    public TimeSpan Interval { get; private set; } = interval;

    public int Remaining { get; private set; } = max;

    /// <summary>When the current window ends, as far as the connector can tell; null when no window is open.</summary>
    public DateTimeOffset? ResetAt { get; private set; }

    // Requests reserved so far: a response's `remaining` is older than the requests sent after it.
    private long _sent;

    /// <summary>How long a request must wait before it may be sent; zero when it may go now.</summary>
    public TimeSpan WaitAt(DateTimeOffset now)
    {
        Roll(now);
        return Remaining > 0 || ResetAt is null ? TimeSpan.Zero : ResetAt.Value + Slack - now;
    }

    /// <summary>Counts a request about to be sent; returns its number, for <see cref="Observe"/>.</summary>
    public long Reserve(DateTimeOffset now)
    {
        Roll(now);
        Remaining = Math.Max(0, Remaining - 1);
        ResetAt ??= now + Interval;
        return ++_sent;
    }

    /// <summary>Takes in the headers of the answer to request number <paramref name="ticket"/>, received at <paramref name="receivedAt"/>.</summary>
    public void Observe(long ticket, DateTimeOffset receivedAt, int max, TimeSpan interval, int remaining)
    {
        Max = Math.Max(1, max);
        Interval = interval > TimeSpan.Zero ? interval : Interval;
        var left = Math.Max(0, remaining - (int)Math.Min(int.MaxValue, _sent - ticket));
        if (remaining >= Max - 1)
        {
            // This request opened the server's window, at the latest when its answer came: counting from then never
            // expects the reset before the server has it.
            ResetAt = receivedAt + Interval;
            Remaining = left;
            return;
        }
        Remaining = Math.Min(Remaining, left);
        ResetAt ??= receivedAt + Interval;
    }

    /// <summary>The server refused a request for this scope: nothing is left until the window resets.</summary>
    public void Exhausted(DateTimeOffset now)
    {
        Roll(now);
        Remaining = 0;
        ResetAt ??= now + Interval;
    }

    // The reset is an estimate: the server's window may have opened a little after the request left (transit, a busy
    // machine). Waiting 50 ms longer keeps the gate from racing the server.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    private void Roll(DateTimeOffset now)
    {
        if (ResetAt is { } reset && now >= reset + Slack)
        {
            Remaining = Max;
            ResetAt = null;
        }
    }
}
