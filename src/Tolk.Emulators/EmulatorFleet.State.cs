using Tolk.Emulation.State;

namespace Tolk.Emulators;

/// <summary>Keeping the fleet's state: a snapshot per system, written when it changed, periodically and at the stop.</summary>
public sealed partial class EmulatorFleet
{
    private readonly EmulatorFleetOptions _options;
    private readonly Lock _saving = new();
    private readonly long[] _saved;
    private CancellationTokenSource? _stop;
    private Task? _loop;

    /// <summary>Where the fleet keeps its state; null when it keeps it in memory only.</summary>
    public string? StateFolder { get; }

    /// <summary>The state the fleet resumed from; null when it was seeded.</summary>
    public FleetState? ResumedFrom { get; }

    /// <summary>The fleet's lineage, saved in every snapshot: made when the fleet was first seeded, kept across resumes.</summary>
    public string Lineage { get; }

    /// <summary>The last periodic save that failed, when no <see cref="EmulatorFleetOptions.SaveFailed"/> was given; null after a good one.</summary>
    public EmulatorStateException? LastSaveError { get; private set; }

    /// <summary>
    /// Saves the snapshot of every emulator whose state changed since it was last saved; returns how many files were
    /// written. A fleet without a state folder saves nothing.
    /// </summary>
    /// <exception cref="EmulatorStateException">A snapshot could not be written; the message names the file.</exception>
    public int Save()
    {
        if (StateFolder is null)
        {
            return 0;
        }
        lock (_saving)
        {
            var written = 0;
            for (var i = 0; i < Running.Count; i++)
            {
                var emulator = Running[i].Emulator;
                // Read before the snapshot: a change made while it is taken moves the version on, so it is saved next time.
                var version = emulator.Database.Version;
                if (version == _saved[i])
                {
                    continue;
                }
                SnapshotFile.Write(FleetState.FileOf(StateFolder, emulator.Name), EmulatorSnapshot.Take(emulator, Lineage));
                _saved[i] = version;
                written++;
            }
            return written;
        }
    }

    private void StartSaving()
    {
        if (StateFolder is null)
        {
            return;
        }
        for (var i = 0; i < Running.Count; i++)
        {
            // A resumed emulator holds exactly what its file does; a seeded one is saved at once, so a crash before the
            // first period still finds the state the hub store will be synced against.
            _saved[i] = ResumedFrom is null ? -1 : Running[i].Emulator.Database.Version;
        }
        Save();
        _stop = new CancellationTokenSource();
        _loop = SaveEveryIntervalAsync(_stop.Token);
    }

    private async Task SaveEveryIntervalAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.SaveInterval, _options.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    Save();
                    LastSaveError = null;
                }
                catch (EmulatorStateException e)
                {
                    LastSaveError = e;
                    _options.SaveFailed?.Invoke(e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task StopSavingAsync()
    {
        if (_stop is null || _loop is null)
        {
            return;
        }
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _stop = null;
    }

    private void SaveFinal()
    {
        try
        {
            Save();
        }
        catch (EmulatorStateException e) when (_options.SaveFailed is not null)
        {
            _options.SaveFailed(e);
        }
    }
}
