using System.Net;
using Tolk.Sync.Configuration;

namespace Tolk.Runtime.Settings;

/// <summary>
/// What <c>tolk run</c> needs to know (a <c>tolk.yaml</c> file): where the hub store and the mapping configuration are,
/// each system's API and where its credentials come from, how often to poll, and where the server listens.
/// Credentials are never in the file itself: it names an environment variable or a secrets file for each.
/// </summary>
public sealed record TolkSettings
{
    /// <summary>The settings file's full path, or null for the built-in defaults.</summary>
    public string? File { get; init; }

    /// <summary>The hub store's SQLite file (full path).</summary>
    public required string StorePath { get; init; }

    /// <summary>The configuration folder holding model.yaml, systems/*.yaml and flows.yaml (full path).</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>The systems Tolk connects to, in the file's order.</summary>
    public IReadOnlyList<SystemSettings> Systems { get; init; } = [];

    /// <summary>Poll intervals.</summary>
    public SyncSettings Sync { get; init; } = new();

    /// <summary>Where the HTTP server (webhooks, management API, dashboard) listens.</summary>
    public ServerSettings Server { get; init; } = new();

    /// <summary>The settings of one system, or null when the file does not configure it.</summary>
    public SystemSettings? SystemNamed(string name) => Systems.FirstOrDefault(s => s.Name == name);
}

/// <summary>One system's API: its base URL, its credentials' sources and its own poll interval.</summary>
public sealed class SystemSettings
{
    /// <summary>The system's name (asana, trello, tidsbanken, customerp, custompms, crmoffice).</summary>
    public required string Name { get; init; }

    /// <summary>The API's base URL.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Between reads when nothing (a webhook) says there is news; null: the sync section's interval.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>Where each credential comes from, by the connector's name for it.</summary>
    public IReadOnlyList<CredentialSetting> Credentials { get; init; } = [];

    /// <summary>Where the system is configured in the settings file.</summary>
    public required SourceLocation Location { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} at {BaseUrl}";
}

/// <summary>How often the runner reads the systems.</summary>
public sealed record SyncSettings
{
    /// <summary>Between reads of a system without webhooks.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Between reconciliation reads of a system whose webhooks report its changes.</summary>
    public TimeSpan WebhookPollInterval { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>Where Tolk's HTTP server listens: loopback unless configured otherwise.</summary>
public sealed record ServerSettings
{
    /// <summary>The default port, just below the emulators' 7101-7106.</summary>
    public const int DefaultPort = 7100;

    /// <summary>The address to bind.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port (0: a free one).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// The URL the systems deliver webhooks to when the server sits behind a proxy or tunnel (webhooks go to
    /// <c>{public_url}webhooks/{system}</c>); null: the server's own address, which only systems on this machine reach.
    /// </summary>
    public Uri? PublicUrl { get; init; }
}
