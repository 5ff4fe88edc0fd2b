using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task readers_following_the_log_while_a_writer_appends_see_every_seq_once_and_in_order()
    {
        const int Batches = 40;
        const int BatchSize = 150;
        const int Total = Batches * BatchSize;
        var store = await OpenAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var writer = Task.Run(async () =>
        {
            for (var b = 0; b < Batches; b++)
            {
                var dataset = b % 2 == 0 ? AsanaTask : CustomerpProject;
                await store.AppendAsync(dataset, Recs($"b{b}", BatchSize), cancellationToken: timeout.Token);
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() => FollowAsync(store, null, Total, timeout.Token))).ToList();
        var datasetReader = Task.Run(() => FollowAsync(store, AsanaTask, Total / 2, timeout.Token));

        await writer;
        foreach (var seen in await Task.WhenAll(readers))
        {
            // Store-wide, a reader may never skip a seq: gaps would mean it missed a version for good.
            Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), seen);
        }
        var asana = await datasetReader;
        Assert.Equal(Total / 2, asana.Count);
        Assert.True(asana.Zip(asana.Skip(1)).All(p => p.First < p.Second));
    }

    private static async Task<List<long>> FollowAsync(HubStore store, Dataset? dataset, int expected, CancellationToken cancellationToken)
    {
        var seen = new List<long>();
        var after = 0L;
        while (seen.Count < expected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await store.ReadLogAsync(dataset, after, 97, cancellationToken);
            foreach (var version in page)
            {
                Assert.True(version.Seq > after, $"seq {version.Seq} after {after}");
                if (dataset is null)
                {
                    Assert.Equal(after + 1, version.Seq);
                }
                seen.Add(version.Seq);
                after = version.Seq;
            }
            if (page.Count == 0)
            {
                await Task.Delay(1, cancellationToken);
            }
        }
        return seen;
    }
}
