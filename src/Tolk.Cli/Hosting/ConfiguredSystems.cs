using Tolk.Cli.Output;
using Tolk.Runtime;
using Tolk.Runtime.Settings;

namespace Tolk.Cli.Hosting;

/// <summary>The systems a settings file configures, with their credentials read: what <c>tolk run</c>, <c>sync</c> and <c>check</c> connect to.</summary>
internal static class ConfiguredSystems
{
    /// <summary>The endpoints, or null (each problem written to standard error, never a credential's value).</summary>
    public static IReadOnlyList<SystemEndpoint>? Resolve(TolkSettings settings, string command)
    {
        if (settings.File is null)
        {
            Out.Error($"'tolk {command}' needs a settings file naming the systems: --config tolk.yaml, or a tolk.yaml in this folder (tolk.example.yaml shows one)");
            return null;
        }

        if (settings.Systems.Count == 0)
        {
            Out.Error($"{settings.File}: no systems are configured under 'systems:'");
            return null;
        }

        var resolved = EndpointResolver.Resolve(settings);
        foreach (var error in resolved.Errors)
        {
            Out.Error(error.ToString());
        }

        return resolved.Errors.Count == 0 ? resolved.Endpoints : null;
    }

    /// <summary>How often the runner reads each system, from the settings.</summary>
    public static SyncRunnerOptions RunnerOptions(TolkSettings settings) => new()
    {
        PollInterval = settings.Sync.PollInterval,
        WebhookSystemPollInterval = settings.Sync.WebhookPollInterval,
        Intervals = settings.Systems.Where(s => s.PollInterval is not null).ToDictionary(s => s.Name, s => s.PollInterval!.Value, StringComparer.Ordinal),
    };
}
