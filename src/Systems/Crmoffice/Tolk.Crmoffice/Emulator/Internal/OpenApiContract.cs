using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>What the endpoint metadata cannot say: the server, OAuth2, the typed query parameters and the webhook deliveries.</summary>
internal static class OpenApiContract
{
    private const string Scheme = "oauth2";

    public static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Crmoffice API",
            Version = "v1",
            Description = "The Crmoffice contract as Tolk's emulator serves it. Field and collection names marked known in "
                + "Tolk's spec come from public material; everything else is assumed (see CrmofficeAssumptions).",
        };
        document.Servers = [new OpenApiServer { Url = CrmofficeAssumptions.BaseUrl }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = $"Client credentials; tokens live {CrmofficeAssumptions.TokenLifetimeSeconds} s. An expired or unknown token gets 401 invalid_token.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(CrmofficeAssumptions.BaseUrl + "/oauth/token"), Scopes = new Dictionary<string, string>() },
                },
            },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        document.Webhooks = new Dictionary<string, IOpenApiPathItem> { ["recordChanged"] = Delivery() };
    }

    public static void Describe(OpenApiOperation operation, IList<object> metadata)
    {
        if (metadata.OfType<IEndpointNameMetadata>().Any(m => m.EndpointName == "GetToken"))
        {
            operation.Security = [];
        }
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Schema = parameter.Name switch
            {
                "limit" => new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer, Minimum = "1", Maximum = CrmofficeAssumptions.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(CrmofficeAssumptions.DefaultLimit),
                },
                "offset" => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0", Default = JsonValue.Create(0) },
                "updatedAfter" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "Only records with updatedAt after this instant" },
                _ => parameter.Schema,
            };
        }
    }

    private static OpenApiPathItem Delivery() => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Post] = new()
            {
                Summary = "A record of a subscribed collection was created, updated or deleted; fetch it by id.",
                Parameters =
                [
                    new OpenApiParameter
                    {
                        Name = "X-Crmoffice-Signature", In = ParameterLocation.Header, Required = true,
                        Description = "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>; reject t older than five minutes.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                ],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = EventSchema() } },
                },
                Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "Any 2xx acknowledges; anything else is retried with backoff." } },
            },
        },
    };

    private static OpenApiSchema EventSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "event", "id", "timestamp" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["event"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "<collection>.<created|updated|deleted>, e.g. contacts.updated" },
            ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The record's id, e.g. CT-000001" },
            ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        },
    };
}
