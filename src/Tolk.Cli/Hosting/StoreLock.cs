namespace Tolk.Cli.Hosting;

/// <summary>
/// Keeps a second engine off a hub store while one syncs: the engine keeps its position and pending work in memory
/// between saves, so two engines on one store would overwrite each other's state. A lock file beside the store, held
/// open exclusively; the operating system releases it when the process ends, however it ends.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of the store at <paramref name="storePath"/>, or returns null when another tolk holds it.</summary>
    public static StoreLock? TryAcquire(string storePath, string command)
    {
        var path = storePath + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.WriteLine($"tolk {command}, process {Environment.ProcessId}");
            }

            file.Flush();
            return new StoreLock(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The message for a store another tolk holds.</summary>
    public static string InUse(string storePath) =>
        $"the hub store {storePath} is in use by another tolk (demo, run or sync); stop it first (Ctrl+C), then try again";

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
