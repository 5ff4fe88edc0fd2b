using System.Text.RegularExpressions;
using Tolk.Asana.Internal.Dto;
using Tolk.Connectors;
using Tolk.Connectors.Http;

namespace Tolk.Asana.Internal;

/// <summary>Turns Asana's error answers into failures: the kind from the status, field and message from the error body.</summary>
internal static partial class AsanaFailures
{
    /// <summary>The failure an unsuccessful response stands for.</summary>
    public static Failure From(AsanaResponse response, CredentialGuard guard)
    {
        var message = Describe(response);
        return response.Status switch
        {
            0 => new Failure(FailureKind.Unavailable, $"asana did not answer: {response.Transport}"),
            401 => new Failure(FailureKind.CredentialsRejected, guard.Rejected ?? $"credentials rejected for asana: {message}"),
            404 => new Failure(FailureKind.NotFound, message),
            409 or 412 => new Failure(FailureKind.Conflict, message),
            429 => new Failure(FailureKind.RateLimited, message, RetryAfter: response.RetryAfter),
            >= 400 and < 500 => new Failure(FailureKind.Rejected, message, FieldOf(response.ErrorMessage)),
            _ => new Failure(FailureKind.Unavailable, message),
        };
    }

    /// <summary>A write outcome for an unsuccessful response.</summary>
    public static WriteOutcome Outcome(AsanaResponse response, CredentialGuard guard) => new(null, From(response, guard));

    /// <summary>The field an Asana message names: "assignee: Not a recognized ID" names assignee.</summary>
    public static string? FieldOf(string? message) =>
        message is not null && FieldPrefix().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Describe(AsanaResponse response)
    {
        var text = response.ErrorMessage ?? $"HTTP {response.Status}";
        // Asana's 500s carry a phrase support can look the incident up by.
        var phrase = response.Body?["errors"]?[0]?["phrase"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? (string?)response.Body["errors"]![0]!["phrase"] : null;
        return $"asana answered {response.Status}: {text}" + (phrase is null ? "" : $" ({phrase})");
    }

    [GeneratedRegex(@"^([a-z_][a-z0-9_.]*):\s", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FieldPrefix();
}
