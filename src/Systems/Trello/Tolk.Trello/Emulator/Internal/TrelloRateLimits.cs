using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tolk.Emulation.Limits;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>The limit a request broke, by the error code Trello's 429 body names.</summary>
internal enum TrelloLimit
{
    None,
    Token,
    Key,
    Member,
}

/// <summary>
/// Trello's rate limits on the injected clock: 300 requests per 10 s per API key (all its tokens together), 100 per 10 s
/// per token, 100 per 900 s to <c>/1/members/</c> per token; and after more than 200 refusals on a key inside one key
/// window, every request of that key is refused until the window ends.
/// </summary>
internal sealed class TrelloRateLimits
{
    private readonly TimeProvider _time;

    public TrelloRateLimits(TimeProvider time)
    {
        _time = time;
        Key = new RateWindow(time, 300, TimeSpan.FromSeconds(10));
        Token = new RateWindow(time, 100, TimeSpan.FromSeconds(10));
        Member = new RateWindow(time, 100, TimeSpan.FromSeconds(900));
        Refusals = new RateWindow(time, 200, TimeSpan.FromSeconds(10));
    }

    public RateWindow Key { get; }
    public RateWindow Token { get; }
    public RateWindow Member { get; }

    /// <summary>Counts 429s per key and key window; its limit is the refusals after which the key is shut out.</summary>
    public RateWindow Refusals { get; }

    public bool Enabled { get; set; } = true;

    /// <summary>Counts the request against every window that applies and says which limit, if any, it broke.</summary>
    public TrelloLimit Acquire(string key, string token, bool membersPath)
    {
        if (!Enabled)
        {
            return TrelloLimit.None;
        }
        var refusals = RefusalPartition(key);
        if (!Refusals.Peek(refusals).Allowed)
        {
            return TrelloLimit.Key;
        }
        var byKey = Key.Acquire(key);
        var byToken = Token.Acquire(token);
        var byMember = membersPath ? Member.Acquire(token) : new RateDecision(true, 0, 0, TimeSpan.Zero, 0);
        var broken = !byToken.Allowed ? TrelloLimit.Token
            : !byKey.Allowed ? TrelloLimit.Key
            : !byMember.Allowed ? TrelloLimit.Member
            : TrelloLimit.None;
        if (broken != TrelloLimit.None)
        {
            Refusals.Acquire(RefusalPartition(key));
        }
        return broken;
    }

    /// <summary>Adds the x-rate-limit-* headers Trello puts on every response (it never sends Retry-After).</summary>
    public void WriteHeaders(IHeaderDictionary headers, string key, string token, bool membersPath)
    {
        Write(headers, "api-token", Token, token);
        Write(headers, "api-key", Key, key);
        if (membersPath)
        {
            Write(headers, "member", Member, token);
        }
    }

    public void Reset()
    {
        Key.Reset();
        Token.Reset();
        Member.Reset();
        Refusals.Reset();
    }

    private static void Write(IHeaderDictionary headers, string name, RateWindow window, string partition)
    {
        var state = window.Peek(partition);
        headers[$"x-rate-limit-{name}-interval-ms"] = ((long)window.Period.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        headers[$"x-rate-limit-{name}-max"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers[$"x-rate-limit-{name}-remaining"] = state.Remaining.ToString(CultureInfo.InvariantCulture);
    }

    // Refusals are counted per key *window*, so the shut-out ends with the key's window.
    private string RefusalPartition(string key)
    {
        var state = Key.Peek(key);
        var windowEnd = state.RetryAfter == TimeSpan.Zero ? _time.GetUtcNow() : _time.GetUtcNow() + state.RetryAfter;
        return $"{key}@{windowEnd.UtcTicks}";
    }
}
