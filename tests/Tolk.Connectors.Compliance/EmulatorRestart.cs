using Tolk.Emulation.Hosting;
using Tolk.Emulation.State;

namespace Tolk.Connectors.Compliance;

/// <summary>Restarts an emulator as a fleet's next start does: from its snapshot, written to a file and read back.</summary>
public static class EmulatorRestart
{
    /// <summary>A second emulator made by <paramref name="create"/> from a snapshot of <paramref name="running"/>; the first keeps running.</summary>
    public static async Task<RunningEmulator> RestartAsync(RunningEmulator running, Func<EmulatorContext, SystemEmulator> create, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(running);
        var path = Path.Combine(Path.GetTempPath(), $"tolk-restart-{Guid.NewGuid():N}.json");
        try
        {
            SnapshotFile.Write(path, EmulatorSnapshot.Take(running.Emulator, "restart-test"));
            return await EmulatorServer.StartAsync(create, new EmulatorServerOptions { Time = time, Snapshot = SnapshotFile.Read(path) });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
