using System.Diagnostics;
using Tolk.Hub.KillHarness;
using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task a_batch_is_all_or_nothing_when_the_process_is_killed_in_the_middle_of_it()
    {
        using var harness = StartHarness();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = new List<string>();
        long? transactionBytes = null;
        try
        {
            while (!output.Contains(HarnessPlan.Halfway))
            {
                var line = await harness.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException(
                        $"The harness ended before the marker (exit {harness.ExitCode}): {await harness.StandardError.ReadToEndAsync()}");
                output.Add(line);
            }
            transactionBytes = TransactionBytesOnDisk();
        }
        finally
        {
            harness.Kill(entireProcessTree: true);
            await harness.WaitForExitAsync(CancellationToken.None);
        }

        Assert.Equal([HarnessPlan.FirstCommitted, HarnessPlan.Halfway], output);
        if (transactionBytes is { } bytes)
        {
            // The open transaction had already spilled far more than the first batch to disk: recovery must discard it.
            Assert.True(bytes > HarnessPlan.SecondBatch / 2 * 500, $"only {bytes} bytes on disk at the kill");
        }
        var store = await OpenAsync();
        var dataset = new Dataset("harness", "item");
        var log = await ReadAllAsync(store, dataset);
        Assert.Equal(Enumerable.Range(0, HarnessPlan.FirstBatch).Select(i => $"first-{i}"), log.Select(v => v.RecordId));
        Assert.Null(await store.GetLatestAsync(dataset, "second-0"));
        Assert.Equal(HarnessPlan.FirstBatch, await store.GetLastSeqAsync());
        Assert.Equal(new HubCursor(HarnessPlan.CursorKey, "{\"batch\":1}", 1, 1), await store.GetCursorAsync(HarnessPlan.CursorKey));
        Assert.Equal("ok", await IntegrityCheckAsync());
        // The store still takes writes where the killed process left off.
        Assert.Equal(HarnessPlan.FirstBatch + 1, (await store.AppendAsync(dataset, [Rec("after-kill", 1)])).LastSeq);
    }

    /// <summary>Bytes an engine has written to disk for transactions (committed or not), when it can tell; else null.</summary>
    protected virtual long? TransactionBytesOnDisk() => null;

    private Process StartHarness()
    {
        // Under `dotnet test` the SDK names the dotnet host it runs with; elsewhere the one on the PATH will do.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tolk.Hub.KillHarness.dll"));
        foreach (var argument in KillHarnessArguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the kill harness.");
    }
}
