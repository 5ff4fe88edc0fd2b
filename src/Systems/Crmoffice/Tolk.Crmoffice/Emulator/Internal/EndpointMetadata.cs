using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tolk.Crmoffice.Emulator.Internal.Dto;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>Describes Crmoffice's error answers on an endpoint, for the OpenAPI document.</summary>
internal static class EndpointMetadata
{
    /// <summary>The given statuses plus the ones every authenticated call can get (401, 429, 500).</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses.Concat([401, 429, 500]).Distinct().Order())
        {
            builder.Produces<ErrorBody>(status, "application/json");
        }
        return builder;
    }
}
