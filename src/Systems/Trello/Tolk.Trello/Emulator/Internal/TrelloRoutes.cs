using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>
/// The emulator's route table. Kept apart from ASP.NET's so that <c>GET /batch</c> can run GET routes in-process,
/// without a second trip through the call log, faults and rate limits.
/// </summary>
internal sealed class TrelloRoutes
{
    private readonly List<Route> _routes = [];

    private sealed record Route(string Method, string Pattern, TemplateMatcher Matcher, Func<TrelloCall, Task<TrelloResponse>> Handler);

    public void Get(string pattern, Func<TrelloCall, TrelloResponse> handler) => Add("GET", pattern, c => Task.FromResult(handler(c)));

    public void Post(string pattern, Func<TrelloCall, TrelloResponse> handler) => Add("POST", pattern, c => Task.FromResult(handler(c)));

    public void Put(string pattern, Func<TrelloCall, TrelloResponse> handler) => Add("PUT", pattern, c => Task.FromResult(handler(c)));

    public void Delete(string pattern, Func<TrelloCall, TrelloResponse> handler) => Add("DELETE", pattern, c => Task.FromResult(handler(c)));

    public void Add(string method, string pattern, Func<TrelloCall, Task<TrelloResponse>> handler) =>
        _routes.Add(new Route(method, pattern, new TemplateMatcher(TemplateParser.Parse(pattern.TrimStart('/')), []), handler));

    /// <summary>Maps every route on the API group, plus Trello's 404 for anything else under the prefix.</summary>
    public void MapOn(IEndpointRouteBuilder api)
    {
        foreach (var route in _routes)
        {
            var handler = route.Handler;
            api.MapMethods(route.Pattern, [route.Method], async (HttpContext context) =>
            {
                var response = await handler(TrelloCall.From(context));
                await response.WriteAsync(context.Response);
            });
        }
        api.MapFallback((HttpContext context) => TrelloResponse.NotFound().WriteAsync(context.Response));
    }

    /// <summary>Runs a GET route in-process, as a batch item; null when no route matches.</summary>
    public async Task<TrelloResponse?> RunGetAsync(string path, IQueryCollection query, TrelloCaller caller)
    {
        foreach (var route in _routes.Where(r => r.Method == "GET"))
        {
            var values = new RouteValueDictionary();
            if (route.Matcher.TryMatch(path, values))
            {
                var routeValues = values.Where(kv => kv.Value is string)
                    .ToDictionary(kv => kv.Key, kv => (string)kv.Value!, StringComparer.OrdinalIgnoreCase);
                return await route.Handler(new TrelloCall(routeValues, TrelloArgs.FromQuery(query), caller));
            }
        }
        return null;
    }
}
