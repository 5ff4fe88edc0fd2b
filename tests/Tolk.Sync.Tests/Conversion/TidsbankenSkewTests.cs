using FsCheck.Xunit;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Tests.Conversion;

public sealed class TidsbankenSkewTests
{
    [Fact]
    public void a_reported_time_is_one_hour_behind_the_true_one()
    {
        var reported = new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero), TidsbankenSkew.Correct(reported));
    }

    [Theory]
    [InlineData("2024-03-31T00:30:00Z", "2024-03-31T03:30:00+02:00")]
    [InlineData("2024-03-30T23:30:00Z", "2024-03-31T01:30:00+01:00")]
    [InlineData("2024-10-27T00:30:00Z", "2024-10-27T02:30:00+01:00")]
    [InlineData("2024-10-26T23:30:00Z", "2024-10-27T02:30:00+02:00")]
    public void the_correction_is_one_real_hour_across_the_daylight_saving_changes(string reported, string trueOslo)
    {
        var corrected = TidsbankenSkew.Correct(DateTimeOffset.Parse(reported, System.Globalization.CultureInfo.InvariantCulture));
        var expected = DateTimeOffset.Parse(trueOslo, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, corrected);
        Assert.Equal(expected.Offset, TimeZones.ToZone(corrected, TimeZones.Oslo).Offset);
        Assert.Equal(TimeSpan.Zero, corrected.Offset);
    }

    [Fact]
    public void only_kunde_and_prosjekt_are_skewed()
    {
        var reported = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(reported.AddHours(1), TidsbankenSkew.Correct("kunde", reported));
        Assert.Equal(reported.AddHours(1), TidsbankenSkew.Correct("prosjekt", reported));
        Assert.Equal(reported, TidsbankenSkew.Correct("ansatt", reported));
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool correcting_a_reported_bound_gives_the_true_time_back(DateTimeOffset trueTime) =>
        TidsbankenSkew.Correct(TidsbankenSkew.ToReported(trueTime)) == trueTime
        && TidsbankenSkew.Correct(trueTime) - trueTime == TimeSpan.FromHours(1);
}
