using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tolk.Connectors;
using Tolk.Connectors.Http;
using Tolk.Crmoffice.Internal.Dto;

namespace Tolk.Crmoffice.Internal;

/// <summary>Turns Crmoffice's error responses into <see cref="Failure"/> values, field and message from the error body.</summary>
internal static class ApiErrors
{
    public static async Task<ErrorBody?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return response.Content.Headers.ContentLength == 0 ? null : await response.Content.ReadFromJsonAsync<ErrorBody>(cancellationToken);
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML page, say: the status alone has to do
        }
    }

    public static async Task<Failure> ToFailureAsync(HttpResponseMessage response, CredentialGuard guard, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var error = status == HttpStatusCode.Unauthorized && response.Headers.Contains(ShortCircuit) ? null : await ReadAsync(response, cancellationToken);
        var detail = error?.Details?.FirstOrDefault(d => !string.IsNullOrEmpty(d.Field));
        var message = $"{(int)status} {error?.Error ?? response.ReasonPhrase}: {error?.Message}"
            + (detail is null ? "" : $" ({detail.Field}: {detail.Message})");
        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                if (error is not null)
                {
                    // The guard was marked by the shared handler with the bare status; keep the API's reason instead.
                    guard.Reject("crmoffice", $"{error.Error}: {error.Message}");
                }
                return new Failure(FailureKind.CredentialsRejected, guard.Rejected ?? $"credentials rejected for crmoffice: {message}");
            case HttpStatusCode.NotFound:
                return new Failure(FailureKind.NotFound, message);
            case HttpStatusCode.Conflict:
                return new Failure(FailureKind.Conflict, message, detail?.Field);
            case HttpStatusCode.TooManyRequests:
                return new Failure(FailureKind.RateLimited, message, null, RetryAfter.From(response, time.GetUtcNow()));
            case HttpStatusCode.MethodNotAllowed:
                return new Failure(FailureKind.NotSupported, message);
            case HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Forbidden:
                return new Failure(FailureKind.Rejected, message, detail?.Field);
            default:
                return new Failure(FailureKind.Unavailable, message);
        }
    }

    private const string ShortCircuit = "X-Tolk-Short-Circuit";
}
