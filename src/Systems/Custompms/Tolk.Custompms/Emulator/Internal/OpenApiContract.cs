using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tolk.Custompms.Emulator.Internal.Dto;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>
/// What endpoint metadata cannot say about the contract: the base URL, the API key, the real types of the parameters
/// the emulator binds as strings, and the response headers (X-Total-Count, Link, Retry-After).
/// </summary>
internal static class OpenApiContract
{
    private const string Scheme = "apiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.CreateSchemaReferenceId = type => type.Type == typeof(ProjectTask) ? "Task" : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "Custompms API", Version = "1", Description = OpenApiText.Overview };
            document.Servers = [new OpenApiServer { Url = A.BaseUrl }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = A.ApiKeyHeader,
                    Description = "The account's API key. Missing or wrong: 401 unauthorized.",
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
            document.Tags = new HashSet<OpenApiTag>(OpenApiText.Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // A nullable use of an enum leaks null into the shared enum schema; the nullability belongs to the use.
            var type = context.JsonTypeInfo.Type;
            if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { } values)
            {
                schema.Enum = values.Where(v => v is not null).ToList();
                schema.Type = JsonSchemaType.String;
            }
            return Task.CompletedTask;
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
            var list = context.Description.HttpMethod == "GET" && !(context.Description.RelativePath ?? "").EndsWith("{id}", StringComparison.Ordinal)
                && context.Description.RelativePath != "changes";
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is OpenApiResponse r)
                {
                    r.Description = OpenApiText.ResponseDescription(status, r.Description);
                    r.Headers = Headers(status, list);
                }
            }
            return Task.CompletedTask;
        });
    }

    private static Dictionary<string, IOpenApiHeader>? Headers(string status, bool list) => (status, list) switch
    {
        ("200", true) => new()
        {
            ["X-Total-Count"] = Header("How many records match (all pages).", JsonSchemaType.Integer),
            ["Link"] = Header("<URL of the next page>; rel=\"next\", present only while more pages exist."),
        },
        ("429", _) => new() { ["Retry-After"] = Header("Seconds until the key's one-second window resets.", JsonSchemaType.Integer) },
        _ => null,
    };

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
