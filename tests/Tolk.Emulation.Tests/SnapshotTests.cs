using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.State;

namespace Tolk.Emulation.Tests;

/// <summary>The kernel's snapshots: taken from a running emulator, written atomically, read back with clear errors.</summary>
public sealed class SnapshotTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("tolk-snapshot-").FullName;
    private RunningEmulator _server = null!;

    private NotesEmulator Notes => (NotesEmulator)_server.Emulator;

    private string File(string name) => Path.Combine(_folder, name);

    public async Task InitializeAsync() =>
        _server = await EmulatorServer.StartAsync(ctx => new NotesEmulator(ctx), new EmulatorServerOptions { Time = _time });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task a_restored_emulator_serves_the_same_records_in_order_and_its_ids_continue_where_they_were()
    {
        using var api = new HttpClient { BaseAddress = _server.BaseUrl };
        (await api.PostAsJsonAsync("notes", new { text = "made before the stop" })).EnsureSuccessStatusCode();
        Assert.Null(Notes.PersonDelete("notes", "2"));
        SnapshotFile.Write(File("notes.json"), EmulatorSnapshot.Take(Notes, "lineage-1"));

        var snapshot = SnapshotFile.Read(File("notes.json"));
        await using var restored = await EmulatorServer.StartAsync(ctx => new NotesEmulator(ctx), new EmulatorServerOptions { Time = _time, Snapshot = snapshot });
        using var again = new HttpClient { BaseAddress = restored.BaseUrl };

        Assert.Equal("lineage-1", snapshot.Lineage);
        Assert.Equal((await api.GetStringAsync("notes")), await again.GetStringAsync("notes"));
        Assert.Equal(["1", "3", "4"], ((NotesEmulator)restored.Emulator).Notes.All().Select(n => (string)n["id"]!));
        var created = await (await again.PostAsJsonAsync("notes", new { text = "made after the restart" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("5", (string?)created!["id"]);
    }

    [Fact]
    public void the_database_version_moves_with_every_change_and_stands_still_without_one()
    {
        var before = Notes.Database.Version;
        Assert.Equal(before, Notes.Database.Version);
        Notes.Notes.Put("9", new JsonObject { ["id"] = "9" }, ChangeOrigin.Api);
        Assert.True(Notes.Database.Version > before);
        var after = Notes.Database.Version;
        Notes.Database.Touch();
        Assert.True(Notes.Database.Version > after);
    }

    [Fact]
    public void writing_over_a_snapshot_replaces_it_whole_and_leaves_no_temporary_file()
    {
        SnapshotFile.Write(File("notes.json"), EmulatorSnapshot.Take(Notes, "first"));
        Notes.Notes.Put("9", new JsonObject { ["id"] = "9" }, ChangeOrigin.Api);
        SnapshotFile.Write(File("notes.json"), EmulatorSnapshot.Take(Notes, "second"));

        var read = SnapshotFile.Read(File("notes.json"));
        Assert.Equal("second", read.Lineage);
        Assert.Equal(4, read.Counts["notes"]);
        Assert.Equal(["notes.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void a_write_that_fails_leaves_the_previous_snapshot_as_it_was_and_names_the_file()
    {
        SnapshotFile.Write(File("notes.json"), EmulatorSnapshot.Take(Notes, "kept"));
        var before = System.IO.File.ReadAllBytes(File("notes.json"));
        // The temporary file cannot be made (a folder is in its way), as with a full disk or a read-only folder.
        Directory.CreateDirectory(File("notes.json.tmp"));

        var error = Assert.Throws<EmulatorStateException>(() => SnapshotFile.Write(File("notes.json"), EmulatorSnapshot.Take(Notes, "lost")));

        Assert.Contains(File("notes.json"), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, System.IO.File.ReadAllBytes(File("notes.json")));
        Assert.Equal("kept", SnapshotFile.Read(File("notes.json")).Lineage);
    }

    [Theory]
    [InlineData("""{"format":"tolk-emulator-snapshot","version":1,"system":"notes","sam""", "is not valid JSON")]
    [InlineData("""{"notes":[]}""", "is not a Tolk emulator snapshot")]
    [InlineData("""[1,2,3]""", "is not a Tolk emulator snapshot")]
    [InlineData("""{"format":"tolk-emulator-snapshot","version":2}""", "snapshot format 2 is newer than this Tolk reads (1)")]
    [InlineData("""{"format":"tolk-emulator-snapshot","version":1,"system":"notes","sample":{"seed":42,"scale":0.1},"lineage":"x","savedAt":"2026-01-05T09:00:00.0000000+00:00","records":{"notes":[]},"state":{}}""",
        "records.notes: expected an object, found array")]
    [InlineData("""{"format":"tolk-emulator-snapshot","version":1,"system":"notes","sample":{"seed":42,"scale":0.1},"lineage":"x","savedAt":"yesterday","records":{},"state":{}}""",
        "savedAt: expected a round-trip (ISO 8601) time")]
    public void a_damaged_or_foreign_file_is_refused_with_an_error_naming_it(string content, string why)
    {
        System.IO.File.WriteAllText(File("notes.json"), content);

        var error = Assert.Throws<EmulatorStateException>(() => SnapshotFile.Read(File("notes.json")));

        Assert.StartsWith(File("notes.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task state_that_does_not_fit_the_emulator_is_refused_when_it_starts_naming_the_file_and_the_field()
    {
        var json = EmulatorSnapshot.Take(Notes, "x").ToJson();
        json["state"]!["nextId"] = "three";
        System.IO.File.WriteAllText(File("notes.json"), json.ToJsonString());
        var snapshot = SnapshotFile.Read(File("notes.json"));

        var error = await Assert.ThrowsAsync<EmulatorStateException>(() =>
            EmulatorServer.StartAsync(ctx => new NotesEmulator(ctx), new EmulatorServerOptions { Time = _time, Snapshot = snapshot }));

        Assert.Equal($"{File("notes.json")}: nextId: expected a whole number, found string", error.Message);
    }

    [Fact]
    public async Task a_snapshot_of_another_system_or_with_other_collections_is_refused()
    {
        var json = EmulatorSnapshot.Take(Notes, "x").ToJson();
        json["system"] = "trello";
        System.IO.File.WriteAllText(File("trello.json"), json.ToJsonString());
        var foreign = await Assert.ThrowsAsync<EmulatorStateException>(() => EmulatorServer.StartAsync(ctx => new NotesEmulator(ctx),
            new EmulatorServerOptions { Time = _time, Snapshot = SnapshotFile.Read(File("trello.json")) }));
        Assert.Equal($"{File("trello.json")} holds trello's state, not notes's", foreign.Message);

        json["system"] = "notes";
        json["records"]!["drafts"] = new JsonObject();
        System.IO.File.WriteAllText(File("notes.json"), json.ToJsonString());
        var other = await Assert.ThrowsAsync<EmulatorStateException>(() => EmulatorServer.StartAsync(ctx => new NotesEmulator(ctx),
            new EmulatorServerOptions { Time = _time, Snapshot = SnapshotFile.Read(File("notes.json")) }));
        Assert.Equal($"{File("notes.json")} does not fit this notes emulator: unknown collections drafts", other.Message);
    }
}
