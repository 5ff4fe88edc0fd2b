using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Emulation.Sample;
using Tolk.Tidsbanken.Emulator.Internal;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>
/// Sample data from the shared world: a third of the organizations as Kunde, the first employees as Ansatt, a quarter
/// of the projects as Prosjekt, plus one near-miss Kunde and Ansatt that look like a match by name but are not.
/// </summary>
public sealed partial class TidsbankenEmulator
{
    /// <inheritdoc />
    public override void Seed(SampleWorld world)
    {
        var random = world.RandomFor(Name);
        var now = Context.Time.GetUtcNow();
        _lastPostId = 0;
        foreach (var org in world.Organizations.Where(o => o.Index % 3 == 1).Concat(world.NearMissOrganizations.Take(1)))
        {
            Put(Kunder, KundeId(org.Index), Stamped(KundeSchema, random, now, new()
            {
                ["Id"] = KundeId(org.Index), ["Navn"] = org.Name, ["Organisasjonsnummer"] = org.OrgNumber, ["Epost"] = org.Email, ["Telefon"] = org.Phone,
                ["Url"] = org.Website, ["Postadresse"] = org.AddressLine, ["Postnr"] = org.PostalCode, ["Poststed"] = org.City,
            }));
        }
        var employees = world.Employees.Take(world.Scaled(30)).ToList();
        foreach (var person in employees)
        {
            Put(Ansatte, person.EmployeeNumber, Ansatt(person, int.Parse(person.EmployeeNumber, CultureInfo.InvariantCulture), random, now));
        }
        // The near-miss gets the first number after every employee number, so it collides with no employee elsewhere.
        var nearMiss = world.NearMissPeople[0];
        var nearMissId = 100 + world.EmployeeCount;
        Put(Ansatte, nearMissId.ToString(CultureInfo.InvariantCulture), Ansatt(nearMiss, nearMissId, random, now));
        foreach (var project in world.Projects.Where(p => p.Index % 4 == 1))
        {
            Put(Prosjekter, project.Number, Prosjekt(project, employees, random, now));
        }
    }

    private static string KundeId(int organizationIndex) => "K" + (1000 + organizationIndex).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Ansatt(SamplePerson person, int id, Random random, DateTimeOffset now) =>
        Stamped(AnsattSchema, random, now, new()
        {
            ["Id"] = id, ["Fornavn"] = person.FirstName, ["Etternavn"] = person.LastName, ["Epost"] = person.Email,
            ["Mobil"] = person.Phone, ["Tittel"] = person.Title,
            ["AnsattDato"] = Date(new DateOnly(2012, 1, 1).AddDays(random.Next(0, 4500))),
        });

    private JsonObject Prosjekt(SampleProject project, List<SamplePerson> employees, Random random, DateTimeOffset now)
    {
        var closed = project.Status is "completed" or "cancelled";
        return Stamped(ProsjektSchema, random, now, new()
        {
            ["Id"] = project.Number, ["PostId"] = ++_lastPostId, ["Navn"] = project.Name, ["Notat"] = project.Description,
            ["KundeId"] = project.CustomerIndex % 3 == 1 ? KundeId(project.CustomerIndex) : null,
            ["AnsvarligId"] = project.ManagerIndex < employees.Count ? int.Parse(employees[project.ManagerIndex].EmployeeNumber, CultureInfo.InvariantCulture) : null,
            ["StartDato"] = Date(project.StartDate), ["FerdigDato"] = Date(project.EndDate), ["Avsluttet"] = closed,
            ["AvsluttetDato"] = closed ? Date(project.EndDate) : null,
            ["FerdigGrad"] = project.Status switch { "planned" => 0, "completed" => 100, _ => random.Next(1, 10) * 10 },
        });
    }

    // Every property present (null when unset) as the API returns it, in the API's order; times drawn from the world's
    // generator relative to the clock, so the same seed and clock give the same data.
    private static JsonObject Stamped(EntitySchema schema, Random random, DateTimeOffset now, Dictionary<string, JsonNode?> values)
    {
        var createdMinutesAgo = random.Next(3 * 1440, 800 * 1440);
        var modifiedMinutesAgo = random.Next(1440, createdMinutesAgo);
        var record = new JsonObject();
        foreach (var field in schema.Fields)
        {
            record[field.Name] = values.TryGetValue(field.Name, out var v) ? v : field.Default switch
            {
                bool b => JsonValue.Create(b),
                int i => JsonValue.Create(i),
                _ => null,
            };
        }
        record[EntityService.Created] = Timestamps.Format(now.AddMinutes(-createdMinutesAgo));
        record[EntityService.Modified] = Timestamps.Format(now.AddMinutes(-modifiedMinutesAgo));
        return record;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Put(EntityService service, string id, JsonObject record) => service.Table.Put(id, record, ChangeOrigin.Api);
}
