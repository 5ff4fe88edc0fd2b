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

    // The request that opened the current window, until its answer comes: till then the reset is only known to be no
    // earlier than its send time plus the interval, and the server's window may have opened later (a busy machine).
    private long? _opener;

    /// <summary>How long a request must wait before it may be sent; zero when it may go now.</summary>
    public TimeSpan WaitAt(DateTimeOffset now)
    {
        Roll(now);
        if (Remaining > 0 || ResetAt is null)
        {
            return TimeSpan.Zero;
        }

        // While the window's first answer is outstanding, look again shortly after the estimate: the answer may move it.
        var wait = ResetAt.Value + Slack - now;
        return wait > TimeSpan.Zero ? wait : PendingPoll;
    }

    /// <summary>Counts a request about to be sent; returns its number, for <see cref="Observe"/>.</summary>
    public long Reserve(DateTimeOffset now)
    {
        Roll(now);
        Remaining = Math.Max(0, Remaining - 1);
        ++_sent;
        if (ResetAt is null)
        {
            ResetAt = now + Interval;
            _opener = _sent;
        }

        return _sent;
    }

    /// <summary>
    /// Request number <paramref name="ticket"/> was answered at <paramref name="receivedAt"/> (with or without rate-limit
    /// headers): when it opened the window, the window resets no later than then plus the interval, and the connector
    /// counts from there.
    /// </summary>
    public void Answered(long ticket, DateTimeOffset receivedAt)
    {
        if (ticket != _opener)
        {
            return;
        }

        _opener = null;
        ResetAt = ResetAt is { } estimate && estimate > receivedAt + Interval ? estimate : receivedAt + Interval;
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

    private static readonly TimeSpan PendingPoll = TimeSpan.FromMilliseconds(10);

    // A window rolls over once its reset (plus the slack) has passed and its first request has been answered; an answer
    // that never comes (a timeout) holds it at most one more interval.
    private void Roll(DateTimeOffset now)
    {
        if (ResetAt is { } reset && now >= reset + Slack && (_opener is null || now >= reset + Slack + Interval))
        {
            Remaining = Max;
            ResetAt = null;
            _opener = null;
        }
    }
}
