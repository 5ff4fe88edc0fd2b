using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>One field's problem in an error body.</summary>
internal sealed record CrmErrorDetail(string Field, string Message);

/// <summary>Crmoffice's error body <c>{"error","message","details":[{"field","message"}]}</c> with the status it goes with.</summary>
internal sealed record CrmError(int Status, string Error, string Message, IReadOnlyList<CrmErrorDetail> Details)
{
    public static CrmError Of(int status, string error, string message, params CrmErrorDetail[] details) => new(status, error, message, details);

    public static CrmError InvalidRequest(string message) => Of(400, CrmofficeAssumptions.ErrorInvalidRequest, message);

    public static CrmError Validation(IReadOnlyList<CrmErrorDetail> details) =>
        new(400, CrmofficeAssumptions.ErrorValidation, "The request has invalid fields.", details);

    public static CrmError NotFound(string message) => Of(404, CrmofficeAssumptions.ErrorNotFound, message);

    public static CrmError Conflict(string message, params CrmErrorDetail[] details) => Of(409, CrmofficeAssumptions.ErrorConflict, message, details);

    /// <summary>The error code a bare status gets (injected faults and framework answers such as 405).</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => CrmofficeAssumptions.ErrorInvalidRequest,
        401 => CrmofficeAssumptions.ErrorInvalidToken,
        403 => CrmofficeAssumptions.ErrorForbidden,
        404 => CrmofficeAssumptions.ErrorNotFound,
        405 => CrmofficeAssumptions.ErrorMethodNotAllowed,
        409 => CrmofficeAssumptions.ErrorConflict,
        429 => CrmofficeAssumptions.ErrorRateLimited,
        503 => CrmofficeAssumptions.ErrorUnavailable,
        >= 500 => CrmofficeAssumptions.ErrorInternal,
        _ => CrmofficeAssumptions.ErrorInvalidRequest,
    };

    /// <summary>The body as the wire shows it.</summary>
    public object Body => new { error = Error, message = Message, details = Details.Select(d => new { field = d.Field, message = d.Message }) };

    /// <summary>Writes the error as the response.</summary>
    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(JsonSerializer.Serialize(Body, CrmJson.Options));
    }

    /// <summary>The error as an endpoint result.</summary>
    public IResult ToResult() => Results.Json(Body, CrmJson.Options, CrmJson.ContentType, Status);
}
