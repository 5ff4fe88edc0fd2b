using Tolk.Emulation.Sample;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>What seeding draws on: the world, Crmoffice's own random generator, and the time the data is seeded at.</summary>
internal sealed class SeedContext(SampleWorld world, Random random, DateTimeOffset now)
{
    public SampleWorld World { get; } = world;

    public Random Random { get; } = random;

    public DateTimeOffset Now { get; } = now;

    /// <summary>
    /// A creation time up to about three years back and a later modification time, both at least an hour before
    /// <see cref="Now"/>, so that anything written after seeding sorts after every sample record.
    /// </summary>
    public (DateTimeOffset Created, DateTimeOffset Updated) Stamps()
    {
        var created = Now.AddHours(-1).AddSeconds(-Random.Next(0, 3 * 365 * 86400));
        var span = (int)(Now.AddHours(-1) - created).TotalSeconds;
        return (created, created.AddSeconds(Random.Next(0, span + 1)));
    }
}
