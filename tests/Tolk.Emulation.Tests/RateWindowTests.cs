using Microsoft.Extensions.Time.Testing;
using Tolk.Emulation.Limits;

namespace Tolk.Emulation.Tests;

public sealed class RateWindowTests
{
    [Fact]
    public void refuses_past_the_limit_until_the_window_ends()
    {
        var time = new FakeTimeProvider();
        var window = new RateWindow(time, 2, TimeSpan.FromSeconds(10));
        Assert.True(window.Acquire("k").Allowed);
        Assert.True(window.Acquire("k").Allowed);
        var refused = window.Acquire("k");
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.RetryAfter);
        Assert.True(window.Acquire("other").Allowed);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(window.Acquire("k").Allowed);
    }

    [Fact]
    public void rejected_requests_use_up_the_window_when_the_system_counts_them()
    {
        var time = new FakeTimeProvider();
        var window = new RateWindow(time, 1, TimeSpan.FromSeconds(10), countRejected: true);
        window.Acquire("k");
        var second = window.Acquire("k");
        var third = window.Acquire("k");
        Assert.Equal(2, third.Rejections);
        Assert.False(second.Allowed);
    }

    [Fact]
    public void a_concurrency_gate_admits_up_to_its_limit_and_frees_on_dispose()
    {
        var gate = new ConcurrencyGate(1);
        using (var lease = gate.TryEnter("k"))
        {
            Assert.NotNull(lease);
            Assert.Null(gate.TryEnter("k"));
        }
        using var again = gate.TryEnter("k");
        Assert.NotNull(again);
    }
}
