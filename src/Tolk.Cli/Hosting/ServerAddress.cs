using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Cli.Hosting;

/// <summary>
/// Where the server of the tolk that holds a store listens, kept in a file beside the store (<c>tolk.db.server</c>) while
/// it runs, so that <c>tolk link</c>, <c>unlink</c> and <c>retry</c> can ask that tolk through its management API instead
/// of opening the store it holds. The file names its process: one left behind by a process that ended is ignored.
/// </summary>
internal static class ServerAddress
{
    /// <summary>The file beside <paramref name="storePath"/>.</summary>
    public static string PathOf(string storePath) => Path.GetFullPath(storePath) + ".server";

    /// <summary>Says that this process serves the store at <paramref name="url"/>.</summary>
    public static void Write(string storePath, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var content = new JsonObject { ["url"] = url.ToString(), ["pid"] = Environment.ProcessId };
        File.WriteAllText(PathOf(storePath), content.ToJsonString());
    }

    /// <summary>Removes the file (the server stopped).</summary>
    public static void Remove(string storePath)
    {
        try
        {
            File.Delete(PathOf(storePath));
        }
        catch (IOException)
        {
            // Left behind, it names a process that has ended, and is ignored.
        }
    }

    /// <summary>The URL of the server a running tolk serves this store's management API at, or null when none runs.</summary>
    public static Uri? Find(string storePath)
    {
        JsonObject? content;
        try
        {
            content = JsonNode.Parse(File.ReadAllText(PathOf(storePath))) as JsonObject;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }

        return content?["pid"] is JsonValue pid && pid.TryGetValue<int>(out var id) && IsRunning(id)
            && Uri.TryCreate((string?)content["url"], UriKind.Absolute, out var url) ? url : null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
