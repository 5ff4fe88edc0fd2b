namespace Tolk.Emulation.Sample;

/// <summary>
/// One deterministic world of companies, people, products, projects and tasks that all six emulators draw from, so that
/// the same people and organizations (same emails, org numbers, SKUs) turn up in several systems and matching has
/// work to do. Near-misses (same name but another org number; same person but another email) must never be matched.
/// </summary>
public sealed class SampleWorld
{
    internal SampleWorld(SampleOptions options, IReadOnlyList<SampleOrganization> organizations, IReadOnlyList<SamplePerson> people,
        int employeeCount, IReadOnlyList<SampleProduct> products, IReadOnlyList<SampleProject> projects, IReadOnlyList<SampleTask> tasks,
        IReadOnlyList<SampleOrganization> nearMissOrganizations, IReadOnlyList<SamplePerson> nearMissPeople)
    {
        Options = options;
        Organizations = organizations;
        People = people;
        EmployeeCount = employeeCount;
        Products = products;
        Projects = projects;
        Tasks = tasks;
        NearMissOrganizations = nearMissOrganizations;
        NearMissPeople = nearMissPeople;
    }

    /// <summary>The seed and scale the world was made with.</summary>
    public SampleOptions Options { get; }

    /// <summary>Customer organizations (60 at demo size).</summary>
    public IReadOnlyList<SampleOrganization> Organizations { get; }

    /// <summary>Everyone: the first <see cref="EmployeeCount"/> are employees, the rest contacts at customers.</summary>
    public IReadOnlyList<SamplePerson> People { get; }

    /// <summary>How many of <see cref="People"/> are employees (40 at demo size).</summary>
    public int EmployeeCount { get; }

    /// <summary>The employees.</summary>
    public IEnumerable<SamplePerson> Employees => People.Take(EmployeeCount);

    /// <summary>The contacts at customer organizations.</summary>
    public IEnumerable<SamplePerson> Contacts => People.Skip(EmployeeCount);

    /// <summary>Products (80 at demo size).</summary>
    public IReadOnlyList<SampleProduct> Products { get; }

    /// <summary>Projects (30 at demo size).</summary>
    public IReadOnlyList<SampleProject> Projects { get; }

    /// <summary>Tasks (400 at demo size).</summary>
    public IReadOnlyList<SampleTask> Tasks { get; }

    /// <summary>Organizations sharing a name with one in <see cref="Organizations"/> but with another org number and email.</summary>
    public IReadOnlyList<SampleOrganization> NearMissOrganizations { get; }

    /// <summary>People sharing a name with an employee but with another email.</summary>
    public IReadOnlyList<SamplePerson> NearMissPeople { get; }

    /// <summary>A count scaled from its demo-size value, never below <paramref name="minimum"/>.</summary>
    public int Scaled(int demoCount, int minimum = 1) => Math.Max(minimum, (int)Math.Round(demoCount * Options.Scale));

    /// <summary>A random generator for one system's own choices, stable for the world's seed.</summary>
    // HashCode.Combine is seeded per process, so it would give another world on every run: combine by hand.
    public Random RandomFor(string system) => new(unchecked(Options.Seed * 486187739 + StableHash(system)));

    /// <summary>Makes the world for <paramref name="options"/>; the same options always make the same world.</summary>
    public static SampleWorld Create(SampleOptions options) => SampleWorldGenerator.Generate(options);

    private static int StableHash(string text)
    {
        var h = 17;
        foreach (var c in text)
        {
            h = unchecked(h * 31 + c);
        }
        return h;
    }
}
