using System.Text.Json.Nodes;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Sample;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    /// <inheritdoc />
    public override void Seed(SampleWorld world)
    {
        var seed = new SeedContext(world, world.RandomFor(Name), CrmTime.Truncate(Context.Time.GetUtcNow()));
        var users = world.Employees.Take(world.Scaled(10))
            .Select(e => Insert(seed, CrmSchemas.Users, new() { ["name"] = e.FullName, ["email"] = e.Email })).ToList();
        var companies = SeedCompanies(seed);
        var contacts = SeedContacts(seed, companies);
        SeedActivities(seed, users, companies, contacts);
    }

    // Customers are the even organizations plus one namesake with another orgNr (so matching has a trap to avoid),
    // then a few companies of category "product" named after the world's products.
    private Dictionary<int, string> SeedCompanies(SeedContext seed)
    {
        var byOrganization = new Dictionary<int, string>();
        var orgNrs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var org in seed.World.Organizations.Where(o => o.Index % 2 == 0).Concat(seed.World.NearMissOrganizations.Take(1)))
        {
            var id = Insert(seed, CrmSchemas.Companies, new()
            {
                ["name"] = org.Name,
                // A large world can repeat an org number by chance; Crmoffice keeps orgNr unique.
                ["orgNr"] = org.OrgNumber is { } nr && orgNrs.Add(nr) ? nr : null,
                ["email"] = org.Email,
                ["phone"] = org.Phone,
                ["website"] = org.Website,
                ["address"] = new JsonObject { ["street"] = org.AddressLine, ["postalCode"] = org.PostalCode, ["city"] = org.City, ["country"] = org.Country },
                ["description"] = org.Description,
                ["category"] = "customer",
            });
            if (org.Index < seed.World.Organizations.Count)
            {
                byOrganization[org.Index] = id;
            }
        }
        foreach (var product in seed.World.Products.Take(seed.World.Scaled(5)))
        {
            Insert(seed, CrmSchemas.Companies, new()
            {
                ["name"] = product.Name,
                ["description"] = product.Description,
                ["category"] = "product",
                ["isActive"] = product.Active,
            });
        }
        return byOrganization;
    }

    // Every third customer contact (at their company when it is here) and every fourth employee of the demo company.
    private Dictionary<string, List<string>> SeedContacts(SeedContext seed, Dictionary<int, string> companies)
    {
        var byCompany = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var people = seed.World.Contacts.Where(p => p.Index % 3 == 0).Concat(seed.World.Employees.Where(p => p.Index % 4 == 0));
        foreach (var person in people)
        {
            var companyId = person.OrganizationIndex is { } o && companies.TryGetValue(o, out var c) ? c : null;
            // Norwegian mobile numbers start with 4 or 9; the rest are landlines.
            var mobile = person.Phone.StartsWith("+47 4", StringComparison.Ordinal) || person.Phone.StartsWith("+47 9", StringComparison.Ordinal);
            var id = Insert(seed, CrmSchemas.Contacts, new()
            {
                ["companyId"] = companyId,
                ["givenName"] = person.FirstName,
                ["familyName"] = person.LastName,
                ["email"] = person.Email,
                ["phone"] = mobile ? null : person.Phone,
                ["mobilePhone"] = mobile ? person.Phone : null,
                ["title"] = person.Title,
            });
            if (companyId is not null)
            {
                (byCompany.TryGetValue(companyId, out var list) ? list : byCompany[companyId] = []).Add(id);
            }
        }
        return byCompany;
    }

    private string Insert(SeedContext seed, CollectionSchema schema, JsonObject fields)
    {
        var errors = new List<CrmErrorDetail>();
        var record = RecordValidator.Apply(schema, null, fields, (_, _) => true, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Sample {schema.Singular} is invalid: {string.Join("; ", errors)}");
        }
        var (created, updated) = seed.Stamps();
        var id = _records.NextId(schema.IdPrefix);
        record["id"] = id;
        record["createdAt"] = CrmTime.Format(created);
        record["updatedAt"] = CrmTime.Format(updated);
        _records.Table(schema.Name).Put(id, record, ChangeOrigin.Person);
        return id;
    }
}
