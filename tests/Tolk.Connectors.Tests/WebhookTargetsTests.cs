using Tolk.Connectors.Webhooks;

namespace Tolk.Connectors.Tests;

public sealed class WebhookTargetsTests
{
    private static readonly Uri Callback = new("http://127.0.0.1:7200/webhooks/asana");

    [Theory]
    [InlineData("http://127.0.0.1:41234/webhooks/asana", true)]
    [InlineData("http://127.0.0.1:7200/webhooks/asana", false)]
    [InlineData("http://127.0.0.1:41234/webhooks/trello", false)]
    [InlineData("http://10.0.0.5:41234/webhooks/asana", false)]
    [InlineData("https://127.0.0.1:41234/webhooks/asana", false)]
    [InlineData("https://hooks.example.com/webhooks/asana", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void only_the_same_host_and_path_on_another_port_is_an_earlier_runs_callback(string? registered, bool earlier) =>
        Assert.Equal(earlier, WebhookTargets.IsEarlierCallback(registered, Callback));
}
