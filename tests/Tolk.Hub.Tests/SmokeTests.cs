namespace Tolk.Hub.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void builds() => Assert.True(true);
}
