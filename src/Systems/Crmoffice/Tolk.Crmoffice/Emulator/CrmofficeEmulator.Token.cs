using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Crmoffice.Emulator.Internal.Dto;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    private static readonly string[] TokenParameters = ["grant_type", "client_id", "client_secret"];

    private void MapTokenApi(IEndpointRouteBuilder api) =>
        api.MapPost(TokenPath, Task<IResult> (HttpContext context) => IssueTokenAsync(context))
            .WithName("GetToken").WithTags("OAuth")
            .WithSummary("Client credentials grant: exchange client_id and client_secret for a bearer token.")
            .Accepts<TokenRequest>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>(200)
            .Produces<ErrorBody>(400);

    private async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        if (!context.Request.HasFormContentType)
        {
            return CrmError.InvalidRequest("The token request must be application/x-www-form-urlencoded.").ToResult();
        }
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return CrmError.InvalidRequest("The token request body is not a valid form: " + e.Message).ToResult();
        }
        string? Param(string name) => form.TryGetValue(name, out var v) && v.Count == 1 && !string.IsNullOrEmpty(v[0]) ? v[0] : null;
        var missing = TokenParameters.Where(n => Param(n) is null).ToList();
        if (missing.Count > 0)
        {
            return CrmError.Of(400, CrmofficeAssumptions.ErrorInvalidRequest, "Missing or repeated parameter: " + string.Join(", ", missing),
                missing.Select(n => new CrmErrorDetail(n, "is required once")).ToArray()).ToResult();
        }
        if (Param("client_id") != DemoClientId || Param("client_secret") != DemoClientSecret)
        {
            return CrmError.Of(400, CrmofficeAssumptions.ErrorInvalidClient, "Client authentication failed.").ToResult();
        }
        if (Param("grant_type") != "client_credentials")
        {
            return CrmError.Of(400, CrmofficeAssumptions.ErrorUnsupportedGrant, "Only grant_type=client_credentials is supported.").ToResult();
        }
        var lifetime = TokenLifetimeSeconds;
        var token = _tokens.Issue(DemoClientId, TimeSpan.FromSeconds(lifetime));
        // A token is state a restart keeps, though no record changed.
        Database.Touch();
        return Results.Json(new TokenResponse(token, "Bearer", lifetime), CrmJson.Options, CrmJson.ContentType, 200);
    }
}
