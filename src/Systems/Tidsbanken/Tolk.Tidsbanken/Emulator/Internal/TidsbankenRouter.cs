using Microsoft.AspNetCore.Http;
using Tolk.Emulation.Hosting;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>What a route does for one HTTP method.</summary>
internal enum Operation
{
    List,
    Insert,
    Update,
    Get,
    Delete,
}

/// <summary>One entity-set path, e.g. <c>prosjekt/Kunde</c>, with the operations it serves with and without a key.</summary>
internal sealed record ApiRoute(string Area, string Segment, EntityService Service,
    IReadOnlyDictionary<string, Operation> Collection, IReadOnlyDictionary<string, Operation> Keyed);

/// <summary>
/// Resolves Tidsbanken's paths itself (case-insensitively, with OData key syntax <c>Kunde('K1001')</c>) so that unknown
/// paths, unsupported methods and bad keys get the API's own answers rather than the framework's empty ones.
/// </summary>
internal sealed class TidsbankenRouter(IReadOnlyList<ApiRoute> routes, TidsbankenSettings settings)
{
    public async Task DispatchAsync(HttpContext http)
    {
        if (http.IsAdminPath())
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var parts = (http.Request.Path.Value ?? "").Trim('/').Split('/');
        var (segment, keyText) = parts.Length == 2 ? KeyLiteral.Split(parts[1]) : ("", null);
        var route = routes.FirstOrDefault(r => parts.Length == 2 && string.Equals(r.Area, parts[0], StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.Segment, segment, StringComparison.OrdinalIgnoreCase));
        if (route is null || (keyText is not null && route.Keyed.Count == 0 && !HttpMethods.IsDelete(http.Request.Method)))
        {
            await ApiResponses.GatewayErrorAsync(http, 404, TidsbankenAssumptions.ResourceNotFound);
            return;
        }
        var operations = keyText is null ? route.Collection : route.Keyed;
        if (!operations.TryGetValue(http.Request.Method.ToUpperInvariant(), out var operation))
        {
            await MethodNotAllowedAsync(http, route, operations);
            return;
        }
        var service = route.Service;
        string? key = null;
        if (keyText is not null)
        {
            var (parsed, error) = KeyLiteral.Parse(keyText, service.Schema);
            if (error is not null)
            {
                await ApiResponses.ErrorAsync(http, error);
                return;
            }
            key = parsed;
        }
        await (operation switch
        {
            Operation.List => EntityEndpoints.ListAsync(http, service, settings),
            Operation.Insert => EntityEndpoints.InsertAsync(http, service, settings),
            Operation.Update => EntityEndpoints.UpdateAsync(http, service, settings),
            Operation.Get => EntityEndpoints.GetAsync(http, service, key!, settings),
            _ => EntityEndpoints.DeleteAsync(http, service, key!),
        });
    }

    private static Task MethodNotAllowedAsync(HttpContext http, ApiRoute route, IReadOnlyDictionary<string, Operation> operations)
    {
        http.Response.Headers.Allow = string.Join(", ", operations.Keys);
        var hint = HttpMethods.IsDelete(http.Request.Method) && route.Service.DeleteGuard is null ? " " + route.Service.NoDeleteHint : "";
        return ApiResponses.ErrorAsync(http, new ApiError(405, "MethodNotAllowed",
            $"The HTTP method '{http.Request.Method}' is not supported by '{route.Area}/{route.Segment}{(operations == route.Keyed ? "(key)" : "")}'.{hint}"));
    }
}
