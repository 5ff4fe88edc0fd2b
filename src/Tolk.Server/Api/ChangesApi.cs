using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tolk.Server.Feed;

namespace Tolk.Server.Api;

/// <summary><c>/api/changes</c>: the latest changes the hub saw, and a live stream of them (server-sent events).</summary>
internal static class ChangesApi
{
    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder app)
    {
        var changes = app.MapGroup("/api/changes").WithTags("changes");
        changes.MapGet("/", (ChangeFeed feed, int limit = 100) => TypedResults.Ok(feed.Recent(Math.Clamp(limit, 1, ChangeFeed.Capacity))))
            .WithSummary("The latest changes, newest first: which record, what changed, and where the edit was made");
        changes.MapGet("/stream", (ChangeFeed feed, HttpContext http) => TypedResults.ServerSentEvents(
                feed.FollowAsync(http.RequestAborted).Select(item => new SseItem<ChangeItem>(item, "change"))))
            .WithSummary("Every change from now on, as server-sent events named 'change'");
        return app;
    }
}
