using Tolk.Sync.Configuration;

namespace Tolk.Sync.Tests.Configuration;

/// <summary>The repository's config/ loaded once for the tests that read it.</summary>
internal static class RealConfiguration
{
    private static readonly Lazy<ConfigurationLoad> Loaded = new(() => ConfigurationLoader.Load(RepoPaths.Config));

    public static ConfigurationLoad Load => Loaded.Value;

    public static SyncConfiguration Value => Load.Configuration
        ?? throw new InvalidOperationException(string.Join(Environment.NewLine, Load.Errors));
}
