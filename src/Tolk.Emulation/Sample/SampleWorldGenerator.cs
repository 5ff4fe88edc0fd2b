using System.Globalization;
using System.Text;

namespace Tolk.Emulation.Sample;

/// <summary>Builds a <see cref="SampleWorld"/> from a seed: every choice is drawn from one seeded generator, in a fixed order.</summary>
internal static class SampleWorldGenerator
{
    private static readonly string[] Statuses = ["planned", "active", "active", "active", "completed", "cancelled"];

    public static SampleWorld Generate(SampleOptions options)
    {
        var random = new Random(options.Seed);
        int Scaled(int n) => Math.Max(1, (int)Math.Round(n * options.Scale));
        var organizations = Organizations(random, Scaled(60));
        var employeeCount = Scaled(40);
        var people = People(random, employeeCount, Scaled(150), organizations);
        var products = Products(random, Scaled(80));
        var projects = Projects(random, Scaled(30), organizations.Count, employeeCount);
        var tasks = Tasks(random, Scaled(400), projects.Count, employeeCount);
        var nearOrgs = organizations.Take(Math.Max(1, organizations.Count / 20))
            .Select((o, i) => o with
            {
                Index = organizations.Count + i,
                OrgNumber = OrgNumber(random),
                Email = $"post@{o.Domain.Replace(".no", "-gruppen.no", StringComparison.Ordinal)}",
                Description = "Not the same company as its namesake: another org number.",
            }).ToList();
        var nearPeople = people.Take(Math.Max(1, employeeCount / 10))
            .Select((p, i) => p with
            {
                Index = people.Count + i,
                Email = $"{Ascii(p.FirstName)}{Ascii(p.LastName)}{random.Next(10, 99)}@privat.example",
                EmployeeNumber = "",
                OrganizationIndex = null,
            }).ToList();
        return new SampleWorld(options, organizations, people, employeeCount, products, projects, tasks, nearOrgs, nearPeople);
    }

    private static List<SampleOrganization> Organizations(Random random, int count)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<SampleOrganization>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Unique(names, () =>
                $"{Pick(random, SampleVocabulary.CompanyStems)} {Pick(random, SampleVocabulary.CompanyTrades)} AS", i);
            var place = Pick(random, SampleVocabulary.Places);
            var domain = Ascii(name.Replace(" AS", "", StringComparison.Ordinal)).Replace(' ', '-') + ".no";
            result.Add(new SampleOrganization(i, name, i % 7 == 6 ? null : OrgNumber(random), $"post@{domain}",
                Phone(random), $"https://www.{domain}", $"{place.Street} {random.Next(1, 80)}", place.PostalCode,
                place.City, "NO", $"{name} er kunde siden {2010 + random.Next(0, 15)}.", domain));
        }
        return result;
    }

    private static List<SamplePerson> People(Random random, int employees, int contacts, List<SampleOrganization> orgs)
    {
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<SamplePerson>(employees + contacts);
        for (var i = 0; i < employees + contacts; i++)
        {
            var first = Pick(random, SampleVocabulary.FirstNames);
            var last = Pick(random, SampleVocabulary.LastNames);
            var org = i < employees ? (int?)null : random.Next(orgs.Count);
            var domain = org is { } o ? orgs[o].Domain : "tolkdemo.no";
            var email = Unique(emails, () => $"{Ascii(first)}.{Ascii(last)}@{domain}", i, (e, n) => e.Replace("@", $"{n}@", StringComparison.Ordinal));
            result.Add(new SamplePerson(i, first, last, email, Phone(random), Pick(random, SampleVocabulary.Titles),
                i < employees ? (100 + i).ToString(CultureInfo.InvariantCulture) : "", org));
        }
        return result;
    }

    private static List<SampleProduct> Products(Random random, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var kind = Pick(random, SampleVocabulary.ProductKinds);
            var tier = Pick(random, SampleVocabulary.ProductTiers);
            return new SampleProduct(i, $"SKU-{1000 + i}", $"{kind} {tier}", $"{kind} i nivå {tier}.",
                Math.Round((decimal)(random.Next(1000, 500_000) / 100.0), 2), "NOK", random.Next(10) != 0);
        }).ToList();

    private static List<SampleProject> Projects(Random random, int count, int orgCount, int employeeCount) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 600));
            var word = Pick(random, SampleVocabulary.ProjectWords);
            return new SampleProject(i, $"P-{1001 + i}", $"{word} {i + 1}", $"{word} for kunden, fase {random.Next(1, 4)}.",
                start, start.AddDays(random.Next(30, 365)), Pick(random, Statuses), random.Next(orgCount), random.Next(employeeCount));
        }).ToList();

    private static List<SampleTask> Tasks(Random random, int count, int projectCount, int employeeCount) =>
        Enumerable.Range(0, count).Select(i => new SampleTask(i,
            $"{Pick(random, SampleVocabulary.TaskVerbs)} {Pick(random, SampleVocabulary.TaskObjects)}",
            random.Next(3) == 0 ? "" : $"Del {i + 1} av leveransen.",
            random.Next(4) == 0 ? null : new DateOnly(2025, 3, 1).AddDays(random.Next(0, 500)),
            random.Next(4) == 0, random.Next(projectCount), random.Next(5) == 0 ? null : random.Next(employeeCount))).ToList();

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Unique(HashSet<string> taken, Func<string> make, int index, Func<string, int, string>? suffix = null)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var candidate = make();
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
        // Large worlds run out of combinations: number the name instead of looping forever.
        var numbered = suffix is null ? $"{make()} {index}" : suffix(make(), index);
        taken.Add(numbered);
        return numbered;
    }

    // Norwegian organisation numbers: nine digits, the last a MOD11 check digit with weights 3,2,7,6,5,4,3,2.
    private static string OrgNumber(Random random)
    {
        int[] weights = [3, 2, 7, 6, 5, 4, 3, 2];
        while (true)
        {
            var digits = new int[8];
            digits[0] = random.Next(8, 10);
            for (var i = 1; i < 8; i++)
            {
                digits[i] = random.Next(10);
            }
            var check = 11 - digits.Select((d, i) => d * weights[i]).Sum() % 11;
            if (check == 10)
            {
                continue;
            }
            return string.Concat(digits) + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Phone(Random random) => $"+47 {random.Next(400, 999)} {random.Next(10, 99)} {random.Next(100, 999)}";

    internal static string Ascii(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            sb.Append(c switch { 'æ' => "ae", 'ø' => "o", 'å' => "a", _ => c.ToString() });
        }
        return sb.ToString();
    }
}
