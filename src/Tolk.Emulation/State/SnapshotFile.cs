using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Emulation.State;

/// <summary>
/// A snapshot on disk: written to a temporary file beside the target, flushed, then renamed over it, so a crash at any
/// moment leaves either the old snapshot or the new one, never half of one.
/// </summary>
public static class SnapshotFile
{
    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="EmulatorStateException">The file could not be written; the message names it.</exception>
    public static void Write(string path, EmulatorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var temporary = path + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    snapshot.WriteTo(writer);
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new EmulatorStateException($"cannot write the emulator snapshot {path}: {e.Message}", e);
        }
    }

    /// <summary>Reads the snapshot at <paramref name="path"/>.</summary>
    /// <exception cref="EmulatorStateException">The file cannot be read, is not JSON, or not a snapshot this build reads.</exception>
    public static EmulatorSnapshot Read(string path)
    {
        JsonNode? json;
        try
        {
            using var stream = File.OpenRead(path);
            json = JsonNode.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new EmulatorStateException($"{path} is not valid JSON ({e.Message}); it is damaged", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStateException($"cannot read the emulator snapshot {path}: {e.Message}", e);
        }
        return EmulatorSnapshot.FromJson(json, path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leaving a stray temporary file is better than hiding the error that got us here.
        }
    }
}
