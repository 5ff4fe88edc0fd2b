using Tolk.Connectors;

namespace Tolk.Trello.Internal;

/// <summary>Runs an API call and turns a network failure into a <see cref="Failure"/> value, so readers can yield it.</summary>
internal static class Calls
{
    public static async Task<(T? Result, Failure? Unreachable)> TryAsync<T>(Func<Task<T>> call, string what, CancellationToken ct)
        where T : class
    {
        try
        {
            return (await call(), null);
        }
        catch (Exception e) when (TrelloFailures.IsNetwork(e, ct))
        {
            return (null, TrelloFailures.Unreachable(e, what));
        }
    }

    /// <summary>Why a reply is no use: Trello's error, or a success whose body is not <paramref name="expected"/>.</summary>
    public static Failure Failure(TrelloReply reply, TrelloApiClient api, string what, string expected) =>
        reply.Succeeded ? TrelloFailures.Malformed(what, expected) : TrelloFailures.From(reply, api.Guard, what);
}
