using System.Text;
using Tolk.Emulation.Sample;
using Tolk.Runtime;

namespace Tolk.Cli.Tests;

/// <summary>
/// The six emulators (small sample) running in the test process, and a folder with a tolk.yaml naming them: Asana's
/// token from an environment variable, the other credentials from a secrets file. The first <c>tolk sync --once</c>
/// runs once for the whole collection; tests that change the store work on a copy of it.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The environment variable the settings name for Asana's token.</summary>
    public const string AsanaVariable = "TOLK_TEST_ASANA_TOKEN";

    private readonly TestFolder _folder = new("tolk-run-");
    private Sandbox? _sandbox;

    public Sandbox Sandbox => _sandbox ?? throw new InvalidOperationException("not started");

    /// <summary>The folder holding tolk.yaml, secrets.yaml and the hub store.</summary>
    public string Folder => _folder.Path;

    /// <summary>The environment a child tolk needs: Asana's token.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>What the first <c>tolk sync --once</c> printed, and its exit code.</summary>
    public (int ExitCode, string Output, string Error) FirstSync { get; private set; }

    public async Task InitializeAsync()
    {
        _sandbox = await Sandbox.StartAsync(SampleOptions.Small);
        Environment[AsanaVariable] = Endpoint("asana").Credentials["personal_access_token"];
        _folder.Write("secrets.yaml", Secrets());
        _folder.Write("tolk.yaml", Settings(Sandbox.Endpoints.ToDictionary(e => e.System, e => e.BaseUrl.ToString())));
        FirstSync = await TolkProcess.RunAsync(Folder, Environment, "sync", "--once");
    }

    public SystemEndpoint Endpoint(string system) => Sandbox.Endpoints.Single(e => e.System == system);

    /// <summary>tolk.yaml for these emulators, with some base URLs replaced.</summary>
    public string Settings(IReadOnlyDictionary<string, string> baseUrls, string store = "tolk-data/run.db")
    {
        var yaml = new StringBuilder($"""
            store: {store}
            config: {TestFolder.RepoConfig}
            server:
              port: 0
            sync:
              poll_interval: 1s
            systems:
              asana:
                base_url: {baseUrls["asana"]}
                credentials:
                  personal_access_token: {"{"} env: {AsanaVariable} {"}"}

            """);
        foreach (var endpoint in Sandbox.Endpoints.Where(e => e.System != "asana"))
        {
            yaml.AppendLine($"  {endpoint.System}:");
            yaml.AppendLine($"    base_url: {baseUrls[endpoint.System]}");
            yaml.AppendLine("    credentials:");
            foreach (var name in Runtime.Settings.KnownSystems.AllCredentials(endpoint.System))
            {
                yaml.AppendLine($"      {name}: {{ file: {Folder}/secrets.yaml, key: {endpoint.System}.{name} }}");
            }
        }

        return yaml.ToString();
    }

    /// <summary>A copy of the synced store in <paramref name="folder"/>, with a tolk.yaml naming it there.</summary>
    public void CopyTo(TestFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder["tolk-data"]);
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "tolk-data"), "run.db*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            File.Copy(file, folder[Path.Combine("tolk-data", Path.GetFileName(file))]);
        }

        folder.Write("tolk.yaml", Settings(Sandbox.Endpoints.ToDictionary(e => e.System, e => e.BaseUrl.ToString())));
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();

    private string Secrets()
    {
        var yaml = new StringBuilder();
        foreach (var endpoint in Sandbox.Endpoints.Where(e => e.System != "asana"))
        {
            yaml.AppendLine($"{endpoint.System}:");
            foreach (var name in Runtime.Settings.KnownSystems.AllCredentials(endpoint.System))
            {
                yaml.AppendLine($"  {name}: \"{endpoint.Credentials[name]}\"");
            }
        }

        return yaml.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxGroup : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
