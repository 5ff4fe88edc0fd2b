using FsCheck;
using FsCheck.Fluent;

namespace Tolk.Sync.Tests.Conversion;

/// <summary>FsCheck generators for the values the conversions handle, over their whole ranges.</summary>
public static class Generators
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    public static Arbitrary<DateOnly> Dates() => Arb.From(DateGen);

    public static Arbitrary<DateTimeOffset> Instants() => Arb.From(
        from date in DateGen
        from second in Gen.Choose(0, 86_399)
        from fraction in Gen.Choose(0, 9_999_999)
        from quarterHours in Gen.Choose(-14 * 4, 14 * 4)
        let utc = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(second).AddTicks(fraction)
        select utc.ToOffset(TimeSpan.FromMinutes(15 * quarterHours)));

    // Every decimal: any 96-bit mantissa, sign and scale.
    public static Arbitrary<decimal> Decimals() => Arb.From(
        from lo in ArbMap.Default.GeneratorFor<int>()
        from mid in Gen.Frequency((1, ArbMap.Default.GeneratorFor<int>()), (3, Gen.Constant(0)))
        from hi in Gen.Frequency((1, ArbMap.Default.GeneratorFor<int>()), (3, Gen.Constant(0)))
        from negative in ArbMap.Default.GeneratorFor<bool>()
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, negative, (byte)scale));

    public static Arbitrary<TimeOnly> Times() => Arb.From(
        from hour in Gen.Choose(0, 23)
        from minute in Gen.Choose(0, 59)
        select new TimeOnly(hour, minute));

    /// <summary>Names as people write them: words of letters, one space apart.</summary>
    public static Gen<string> Words(int min, int max) =>
        from count in Gen.Choose(min, max)
        from words in Gen.ArrayOf(Word, count)
        select string.Join(' ', words);

    private static Gen<string> Word =>
        from length in Gen.Choose(1, 8)
        from letters in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ-'".ToCharArray()), length)
        select new string(letters);

    private static Gen<DateOnly> DateGen => Gen.Choose(0, 200 * 366).Select(days => Earliest.AddDays(days));
}
