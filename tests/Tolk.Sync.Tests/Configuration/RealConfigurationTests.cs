using Tolk.Sync.Configuration;

namespace Tolk.Sync.Tests.Configuration;

public sealed class RealConfigurationTests
{
    [Fact]
    public void the_real_configuration_loads_without_errors()
    {
        Assert.True(RealConfiguration.Load.Errors.Count == 0, string.Join(Environment.NewLine, RealConfiguration.Load.Errors));
        Assert.True(RealConfiguration.Load.IsValid);
    }
}
