using Microsoft.AspNetCore.Http;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>Who is calling: the token used and the member it belongs to.</summary>
internal sealed record TrelloCaller(string Key, string Token, string MemberId);

/// <summary>One call to a Trello endpoint: its route values, its parameters and its caller.</summary>
internal sealed class TrelloCall(IReadOnlyDictionary<string, string> route, TrelloArgs args, TrelloCaller caller)
{
    public const string ArgsItem = "trello.args";
    public const string CallerItem = "trello.caller";

    public TrelloArgs Args { get; } = args;

    public TrelloCaller Caller { get; } = caller;

    /// <summary>A route value (always present for the route that matched).</summary>
    public string Route(string name) => route.GetValueOrDefault(name, "");

    /// <summary>The call as the auth middleware left it on the context.</summary>
    public static TrelloCall From(HttpContext context)
    {
        var route = context.Request.RouteValues
            .Where(kv => kv.Value is string)
            .ToDictionary(kv => kv.Key, kv => (string)kv.Value!, StringComparer.OrdinalIgnoreCase);
        var args = context.Items[ArgsItem] as TrelloArgs ?? TrelloArgs.FromQuery(context.Request.Query);
        var caller = context.Items[CallerItem] as TrelloCaller
            ?? throw new InvalidOperationException("Trello endpoint reached without the auth middleware");
        return new TrelloCall(route, args, caller);
    }
}
