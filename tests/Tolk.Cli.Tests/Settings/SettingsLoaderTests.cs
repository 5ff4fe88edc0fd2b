using Tolk.Customerp.Emulator;
using Tolk.Runtime.Settings;

namespace Tolk.Cli.Tests.Settings;

/// <summary>The settings file in process: what it reads, and every way it can be wrong, each located.</summary>
public sealed class SettingsLoaderTests : IDisposable
{
    private readonly TestFolder _folder = new("tolk-settings-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void the_example_settings_read_and_resolve_to_the_emulators_credentials()
    {
        var load = SettingsLoader.Load(Path.Combine(TestFolder.RepoRoot, "tolk.example.yaml"));

        Assert.Empty(load.Errors);
        var settings = load.Settings!;
        Assert.Equal(Path.Combine(TestFolder.RepoRoot, "tolk-data", "run.db"), settings.StorePath);
        Assert.Equal(TestFolder.RepoConfig, settings.ConfigDirectory);
        Assert.Equal(["asana", "trello", "tidsbanken", "customerp", "custompms", "crmoffice"], settings.Systems.Select(s => s.Name));
        Assert.Equal(TimeSpan.FromSeconds(30), settings.SystemNamed("tidsbanken")!.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.Sync.WebhookPollInterval);
        Assert.Equal(7100, settings.Server.Port);
        Assert.Equal("127.0.0.1", settings.Server.Address.ToString());

        var resolved = EndpointResolver.Resolve(settings, _ => null);
        Assert.Empty(resolved.Errors);
        Assert.Equal(CustomerpEmulator.DemoApiToken, resolved.Endpoints.Single(e => e.System == "customerp").Credentials["api_token"]);
        Assert.Equal(new Uri("http://127.0.0.1:7104/api/v1/"), resolved.Endpoints.Single(e => e.System == "customerp").BaseUrl);
    }

    [Fact]
    public void credentials_come_from_environment_variables_and_whole_secrets_files_trimmed()
    {
        _folder.Write("token.txt", "  from-the-file\n");
        var settings = Load("""
            systems:
              customerp:
                base_url: https://erp.example.com/api/v1
                credentials:
                  api_token: { file: token.txt }
              asana:
                base_url: https://app.asana.com/api/1.0/
                credentials:
                  personal_access_token: { env: ASANA_PAT }
            """);

        var resolved = EndpointResolver.Resolve(settings, name => name == "ASANA_PAT" ? "from-the-environment" : null);

        Assert.Empty(resolved.Errors);
        Assert.Equal("from-the-file", resolved.Endpoints.Single(e => e.System == "customerp").Credentials["api_token"]);
        Assert.Equal("from-the-environment", resolved.Endpoints.Single(e => e.System == "asana").Credentials["personal_access_token"]);
        Assert.Equal(new Uri("https://erp.example.com/api/v1/"), resolved.Endpoints.Single(e => e.System == "customerp").BaseUrl);
        Assert.Equal(Path.Combine(_folder.Path, "tolk-data", "tolk.db"), settings.StorePath);
    }

    [Fact]
    public void a_missing_required_credential_and_an_unknown_one_are_named_with_their_lines()
    {
        var path = _folder.Write("tolk.yaml", """
            systems:
              crmoffice:
                base_url: https://crm.example.com/
                credentials:
                  client_id: { env: CRM_ID }
                  client_secrets: { env: CRM_SECRET }
            """);

        var load = SettingsLoader.Load(path);

        Assert.Null(load.Settings);
        Assert.Equal(2, load.Errors.Count);
        Assert.Equal($"{path}:6:7: systems.crmoffice.credentials: crmoffice has no credential 'client_secrets' (expected: client_id, client_secret)", load.Errors[0].ToString());
        Assert.StartsWith($"{path}:5:7: systems.crmoffice: the credential 'client_secret' is not configured", load.Errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void the_public_webhook_url_is_read_and_a_relative_one_is_refused_with_its_line()
    {
        var settings = Load("""
            server:
              public_url: https://tolk.example.com/hooks/
            """);
        Assert.Equal(new Uri("https://tolk.example.com/hooks/"), settings.Server.PublicUrl);

        var path = _folder.Write("bad.yaml", """
            server:
              port: 7100
              public_url: tolk.example.com
            """);
        var error = Assert.Single(SettingsLoader.Load(path).Errors);
        Assert.StartsWith($"{path}:3:15: server: 'public_url' must be an absolute http(s) URL", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void a_credential_source_must_say_env_or_file_once()
    {
        var path = _folder.Write("tolk.yaml", """
            systems:
              customerp:
                base_url: https://erp.example.com/api/v1/
                credentials:
                  api_token: { env: TOKEN, file: token.txt }
            """);

        var error = Assert.Single(SettingsLoader.Load(path).Errors);

        Assert.Equal($"{path}:5:18: systems.customerp.credentials.api_token: give either 'env' or 'file', not both", error.ToString());
    }

    [Fact]
    public void an_unreadable_secret_is_named_by_its_source_never_by_its_value()
    {
        _folder.Write("secrets.yaml", "customerp:\n  api_token: \"s3cr3t-value\"\n");
        var settings = Load("""
            systems:
              customerp:
                base_url: https://erp.example.com/api/v1/
                credentials:
                  api_token: { file: secrets.yaml, key: customerp.token }
              custompms:
                base_url: https://pms.example.com/api/
                credentials:
                  apiKey: { file: missing.txt }
            """);

        var errors = EndpointResolver.Resolve(settings, _ => null).Errors.Select(e => e.ToString()).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains($"the secrets file {_folder["secrets.yaml"]} has no value at 'customerp.token'", errors[0], StringComparison.Ordinal);
        Assert.Contains($"the secrets file {_folder["missing.txt"]} does not exist", errors[1], StringComparison.Ordinal);
        Assert.DoesNotContain(errors, e => e.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("2h", 7_200_000)]
    public void durations_read_in_their_unit(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), SettingsDuration.Parse(text));

    [Theory]
    [InlineData("10")]
    [InlineData("ten seconds")]
    [InlineData("5 m")]
    public void durations_without_a_unit_are_refused(string text) => Assert.Null(SettingsDuration.Parse(text));

    private TolkSettings Load(string yaml)
    {
        var load = SettingsLoader.Load(_folder.Write("tolk.yaml", yaml));
        Assert.Empty(load.Errors);
        return load.Settings!;
    }
}
