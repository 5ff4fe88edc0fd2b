namespace Tolk.Runtime;

/// <summary>
/// Where one system's API is and the credentials to use. A class rather than a record, so no generated ToString
/// prints the credentials.
/// </summary>
public sealed class SystemEndpoint
{
    /// <summary>Creates an endpoint.</summary>
    public SystemEndpoint(string system, Uri baseUrl, IReadOnlyDictionary<string, string> credentials)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(credentials);
        System = system;
        BaseUrl = baseUrl;
        Credentials = credentials;
    }

    /// <summary>The system's name (asana, trello, ...).</summary>
    public string System { get; }

    /// <summary>The API's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The credentials by name (api_token, client_id, ...). Never logged.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; }

    /// <summary>A credential the system needs; a clear error naming it when it is missing.</summary>
    public string Credential(string name) =>
        Credentials.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidOperationException($"{System}: the credential '{name}' is missing");

    /// <inheritdoc />
    public override string ToString() => $"{System} at {BaseUrl}";
}
