using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Emulation.Sample;
using Tolk.Emulation.State;

namespace Tolk.Emulators.Tests;

/// <summary>A fleet that keeps its state in a folder: saved at the start, when changed and at the stop; resumed from.</summary>
public sealed class FleetStateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tolk-fleet-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private EmulatorFleetOptions Options(string? folder = null, TimeProvider? time = null) => new()
    {
        PortBase = 0,
        Address = IPAddress.Loopback,
        Sample = SampleOptions.Small,
        Time = time ?? TimeProvider.System,
        StateFolder = folder ?? _folder,
    };

    [Fact]
    public async Task a_fleet_seeds_and_saves_into_an_empty_folder_then_the_next_resumes_with_its_records_and_lineage()
    {
        string lineage, company;
        await using (var first = await EmulatorFleet.StartAsync(Options()))
        {
            Assert.Null(first.ResumedFrom);
            Assert.Equal(EmulatorCatalog.All.Select(e => e.System + ".json").Order(), Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
            lineage = first.Lineage;
            company = (string)(await first["crmoffice"].Admin.CreateAsync("companies", new JsonObject { ["name"] = "Lagret AS" }))["id"]!;
        }

        await using var second = await EmulatorFleet.StartAsync(Options() with { Sample = new SampleOptions(7, 1.0) });

        Assert.NotNull(second.ResumedFrom);
        Assert.Equal(lineage, second.Lineage);
        Assert.Equal(SampleOptions.Small, second.Sample);
        Assert.Equal("Lagret AS", (string?)(await second["crmoffice"].Admin.GetAsync("companies", company))?["name"]);
    }

    [Fact]
    public async Task saving_writes_only_the_systems_whose_state_changed_since_the_last_save()
    {
        await using var fleet = await EmulatorFleet.StartAsync(Options());

        Assert.Equal(0, fleet.Save());
        await fleet["trello"].Admin.CreateAsync("boards", new JsonObject { ["name"] = "Ny tavle" });
        Assert.Equal(1, fleet.Save());
        Assert.Equal(0, fleet.Save());
    }

    [Fact]
    public async Task a_change_is_saved_within_the_save_interval_without_a_stop()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var fleet = await EmulatorFleet.StartAsync(Options(time: time) with { SaveInterval = TimeSpan.FromSeconds(15) });
        var company = (string)(await fleet["crmoffice"].Admin.CreateAsync("companies", new JsonObject { ["name"] = "Underveis AS" }))["id"]!;

        var file = FleetState.FileOf(_folder, "crmoffice");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!System.IO.File.ReadAllText(file).Contains(company, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the periodic save never wrote the change");
            time.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task an_incomplete_or_mixed_state_folder_is_refused_with_an_error_naming_the_file()
    {
        var other = _folder + "-other";
        await (await EmulatorFleet.StartAsync(Options())).DisposeAsync();
        await (await EmulatorFleet.StartAsync(Options(other))).DisposeAsync();
        try
        {
            System.IO.File.Copy(FleetState.FileOf(other, "asana"), FleetState.FileOf(_folder, "asana"), overwrite: true);
            var mixed = await Assert.ThrowsAsync<EmulatorStateException>(() => EmulatorFleet.StartAsync(Options()));
            Assert.StartsWith($"the emulator state in {_folder} is mixed: asana.json and trello.json were saved by different fleets", mixed.Message, StringComparison.Ordinal);

            System.IO.File.Delete(FleetState.FileOf(_folder, "trello"));
            var incomplete = await Assert.ThrowsAsync<EmulatorStateException>(() => EmulatorFleet.StartAsync(Options()));
            Assert.Equal($"the emulator state in {_folder} is incomplete: trello.json is missing", incomplete.Message);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }
}
