using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Emulators.Tests;

public sealed class StandaloneHostTests
{
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "Tolk.Emulators.dll");

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HostDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        return Process.Start(start)!;
    }

    [Fact]
    public async Task the_first_line_names_every_systems_base_url_and_credentials_and_each_one_answers()
    {
        using var host = Start("--port-base", "0", "--size", "small");
        try
        {
            var first = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var systems = JsonNode.Parse(first!)!.AsObject();
            Assert.Equal(["asana", "trello", "tidsbanken", "customerp", "custompms", "crmoffice"], systems.Select(s => s.Key));
            using var http = new HttpClient();
            foreach (var (name, info) in systems)
            {
                var baseUrl = new Uri((string)info!["baseUrl"]!);
                Assert.Equal("127.0.0.1", baseUrl.Host);
                Assert.NotEmpty(info["credentials"]!.AsObject());
                var admin = JsonNode.Parse(await http.GetStringAsync((string)info["adminUrl"]!))!;
                Assert.Equal(name, (string?)admin["system"]);
                // Every real API refuses a call without credentials: the emulators are never kinder than the real thing.
                using var anonymous = await http.GetAsync(baseUrl);
                Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
            }
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--size", "huge", "size: 'huge'")]
    [InlineData("--bind", "nowhere", "--bind: 'nowhere'")]
    [InlineData("--port-base", "65535", "--port-base: 65535")]
    public async Task a_bad_option_is_refused_by_name_with_exit_code_2(string option, string value, string message)
    {
        using var host = Start(option, value);
        var error = await host.StandardError.ReadToEndAsync();
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, host.ExitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task with_state_it_saves_into_an_empty_folder_resumes_from_it_and_refuses_a_damaged_one_by_name()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tolk-host-state-{Guid.NewGuid():N}");
        try
        {
            foreach (var expected in new[] { "", "tolk-emulators: resumed from " + folder })
            {
                using var host = Start("--port-base", "0", "--size", "small", "--state", folder);
                try
                {
                    Assert.NotNull(await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));
                    var said = await host.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                    Assert.StartsWith(expected.Length == 0 ? "tolk-emulators: serving" : expected, said, StringComparison.Ordinal);
                    Assert.Equal(6, Directory.GetFiles(folder, "*.json").Length);
                }
                finally
                {
                    host.Kill(entireProcessTree: true);
                    await host.WaitForExitAsync();
                }
            }

            File.WriteAllText(Path.Combine(folder, "custompms.json"), "{\"format\":\"tolk-emulator-snapshot\",");
            using var refused = Start("--port-base", "0", "--state", folder);
            var error = await refused.StandardError.ReadToEndAsync();
            await refused.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"{Path.Combine(folder, "custompms.json")} is not valid JSON", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
