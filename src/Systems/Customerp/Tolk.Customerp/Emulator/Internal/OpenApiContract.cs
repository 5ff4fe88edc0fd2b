using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tolk.Customerp.Emulator.Internal.Dto;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>
/// What endpoint metadata cannot say about the contract: the base URL, bearer auth, the real types of parameters the
/// emulator binds as strings, the response headers (ETag, Location, Retry-After, WWW-Authenticate) and the webhooks.
/// </summary>
internal static class OpenApiContract
{
    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            document.Info = new OpenApiInfo { Title = "Customerp API", Version = "v1", Description = OpenApiText.Overview };
            document.Servers =
            [
                new OpenApiServer
                {
                    Url = CustomerpAssumptions.BaseUrl,
                    Variables = new Dictionary<string, OpenApiServerVariable>
                    {
                        ["tenant"] = new() { Default = "demo", Description = "Your company's Customerp subdomain." },
                    },
                },
            ];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An API token, sent as Authorization: Bearer <token>." },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            document.Tags = new HashSet<OpenApiTag>(OpenApiText.Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
            var eventSchema = await context.GetOrCreateSchemaAsync(typeof(WebhookEvent), null, cancellationToken);
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[nameof(WebhookEvent)] = eventSchema;
            document.Webhooks = new Dictionary<string, IOpenApiPathItem>();
            foreach (var name in EventPattern.Objects)
            {
                document.Webhooks[name] = Delivery(name, document);
            }
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (OpenApiText.Parameters.TryGetValue(parameter.Name!, out var describe))
                {
                    (parameter.Schema, parameter.Description) = describe();
                }
            }
            var path = context.Description.RelativePath ?? "";
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is OpenApiResponse r)
                {
                    var record = !path.StartsWith("webhooks", StringComparison.Ordinal)
                        && (status == "201" || (status == "200" && path.EndsWith("{id}", StringComparison.Ordinal)));
                    Describe(status, r, withETag: record);
                }
            }
            return Task.CompletedTask;
        });
    }

    private static void Describe(string status, OpenApiResponse response, bool withETag)
    {
        response.Description = OpenApiText.ResponseDescription(status, response.Description);
        var headers = new Dictionary<string, IOpenApiHeader>();
        if (withETag)
        {
            headers["ETag"] = Header("The record's version as a strong entity tag, e.g. \"3\"; send it back in If-Match.");
        }
        if (status == "201")
        {
            headers["Location"] = Header("The new resource's URL.");
        }
        if (status == "429")
        {
            headers["Retry-After"] = Header("Seconds until the token's rate window resets.", JsonSchemaType.Integer);
        }
        if (status == "401")
        {
            headers["WWW-Authenticate"] = Header("Bearer realm=\"customerp\" (with error=\"invalid_token\" for a wrong token).");
        }
        if (headers.Count > 0)
        {
            response.Headers = headers;
        }
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };

    private static OpenApiPathItem Delivery(string name, OpenApiDocument document) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Post] = new()
            {
                Summary = $"{name}.created, {name}.updated, {name}.deleted",
                Description = OpenApiText.Deliveries,
                Parameters =
                [
                    new OpenApiParameter
                    {
                        Name = WebhookSignature.Header,
                        In = ParameterLocation.Header,
                        Required = true,
                        Description = "sha256=<lower-case hex HMAC-SHA256 of the raw body, keyed with the webhook's secret>",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^sha256=[0-9a-f]{64}$" },
                    },
                ],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [RequestBody.Json] = new() { Schema = new OpenApiSchemaReference(nameof(WebhookEvent), document) },
                    },
                },
                Responses = new OpenApiResponses
                {
                    ["2XX"] = new OpenApiResponse { Description = "Delivered. Anything else (or no answer) is retried with backoff; 410 deletes the webhook." },
                },
            },
        },
    };
}
