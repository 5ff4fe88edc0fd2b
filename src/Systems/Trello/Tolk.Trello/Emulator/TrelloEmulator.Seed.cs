using System.Text.Json.Nodes;
using Tolk.Emulation.Data;
using Tolk.Emulation.Sample;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

public sealed partial class TrelloEmulator
{
    // Seeded records are stamped from a fixed past time, not the clock, so a seed always gives the same ids.
    private static readonly DateTimeOffset SeedBase = new(2024, 3, 4, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] SeedListNames = ["To do", "Doing", "Done"];

    private static readonly string[] CommentTexts =
    [
        "Har snakket med kunden, de ønsker oppstart så snart som mulig.",
        "Estimatet er oppdatert etter siste møte.",
        "Can we move this to next sprint?",
        "Venter på tilbakemelding fra kunden.",
        "Looks good to me.",
    ];

    /// <inheritdoc />
    public override void Seed(SampleWorld world)
    {
        lock (_write)
        {
            _ids = new TrelloIds(world.Options.Seed);
            var clock = SeedBase;
            DateTimeOffset Tick() => clock = clock.AddMinutes(1);
            // Not world.RandomFor: it goes through HashCode.Combine, which is seeded per process, so the same seed
            // would give other comment authors in another run.
            var random = new Random(unchecked((world.Options.Seed * 397) ^ 0x7E110));
            var usernames = new HashSet<string>(StringComparer.Ordinal);
            string AddMember(string fullName, string email)
            {
                var username = TrelloNames.MakeUnique(Pad(TrelloNames.FromPersonName(fullName)), usernames.Contains);
                usernames.Add(username);
                var member = NewMember(_ids.New(Tick()), fullName, username, email);
                Members.Put(Str(member, "id"), member, ChangeOrigin.Api);
                return Str(member, "id");
            }

            MeId = AddMember("Tolk Sync", "sync@tolk.example");
            var employees = world.Employees.Where(p => p.Index % 2 == 0).Select(p => (Person: p, Id: AddMember(p.FullName, p.Email))).ToList();
            var contacts = world.Contacts.Where(p => p.Index % 5 == 0).Select(p => (Person: p, Id: AddMember(p.FullName, p.Email))).ToList();
            var nearMiss = world.NearMissPeople.Take(1).Select(p => (Person: p, Id: AddMember(p.FullName, p.Email))).ToList();
            PersonId = employees.Count > 0 ? employees[0].Id : MeId;

            var sources = world.Organizations.Where(o => o.Index % 4 == 0).Concat(world.NearMissOrganizations.Take(1)).ToList();
            var orgMembers = sources.Select(_ => new List<string>()).ToList();
            for (var i = 0; i < employees.Count; i++)
            {
                orgMembers[i % sources.Count].Add(employees[i].Id);
            }
            for (var i = 0; i < contacts.Count; i++)
            {
                var own = sources.FindIndex(o => o.Index == contacts[i].Person.OrganizationIndex && !o.Description.StartsWith("Not the same", StringComparison.Ordinal));
                orgMembers[own >= 0 ? own : i % sources.Count].Add(contacts[i].Id);
            }
            foreach (var (_, id) in nearMiss)
            {
                orgMembers[^1].Add(id);
            }
            var orgNames = new HashSet<string>(StringComparer.Ordinal);
            _seedLinks = new();
            try
            {
                for (var i = 0; i < sources.Count; i++)
                {
                    clock = SeedBase.AddDays(3).AddHours(i);
                    SeedOrganization(world, sources[i], orgMembers[i], orgNames, random, Tick);
                }
            }
            finally
            {
                var links = _seedLinks;
                _seedLinks = null;
                WriteSeedLinks(links);
            }
        }
    }

    private void WriteSeedLinks(System.Collections.Concurrent.ConcurrentDictionary<(string Member, string Field), List<string>> links)
    {
        foreach (var group in links.GroupBy(kv => kv.Key.Member))
        {
            if (Members.Get(group.Key) is not { } member)
            {
                continue;
            }
            foreach (var ((_, field), ids) in group)
            {
                member[field] = new JsonArray(ids.Distinct().Select(id => (JsonNode)id).ToArray());
            }
            Members.Put(group.Key, member, ChangeOrigin.Api);
        }
    }

    private void SeedOrganization(SampleWorld world, SampleOrganization source, List<string> memberIds, HashSet<string> names,
        Random random, Func<DateTimeOffset> tick)
    {
        var at = tick();
        var name = TrelloNames.MakeUnique(Pad(TrelloNames.Normalise(source.Name)), names.Contains);
        names.Add(name);
        var org = NewOrganization(_ids.New(at), name, source.Name, source.Description, source.Website, at);
        var orgId = Str(org, "id");
        AddMembership(org, MeId, "admin", at);
        foreach (var memberId in memberIds)
        {
            AddMembership(org, memberId, "normal", at);
        }
        Organizations.Put(orgId, org, ChangeOrigin.Api);
        foreach (var memberId in memberIds.Prepend(MeId))
        {
            LinkMember(memberId, "idOrganizations", orgId, add: true, ChangeOrigin.Api);
        }
        Record(ActionTypes.CreateOrganization, new JsonObject { ["organization"] = OrgRef(org) }, MeId, at);

        var board = AddBoard($"{source.Name} – prosjekter", $"Prosjekter og oppgaver for {source.Name}.", org, MeId, tick(), ChangeOrigin.Api);
        var boardId = Str(board, "id");
        foreach (var memberId in memberIds)
        {
            board = Boards.Get(boardId)!;
            AddMembership(board, memberId, "normal", at);
            Boards.Put(boardId, board, ChangeOrigin.Api);
            LinkMember(memberId, "idBoards", boardId, add: true, ChangeOrigin.Api);
        }
        var lists = SeedListNames.Select(n => AddList(Boards.Get(boardId)!, n, null, MeId, tick())).ToList();
        var people = memberIds.Prepend(MeId).ToList();
        foreach (var (cardName, desc, listIndex) in SeedCards(world, source))
        {
            var creator = people[random.Next(people.Count)];
            var card = AddCard(Boards.Get(boardId)!, lists[listIndex], cardName, desc, null, creator, tick());
            for (var c = random.Next(0, 3); c > 0; c--)
            {
                AddComment(Cards.Get(Str(card, "id"))!, CommentTexts[random.Next(CommentTexts.Length)], people[random.Next(people.Count)], tick());
            }
        }
    }

    // The customer's projects as cards (list by status), topped up with a task or two so no board is bare.
    private static IEnumerable<(string Name, string Desc, int List)> SeedCards(SampleWorld world, SampleOrganization source)
    {
        var projects = world.Projects.Where(p => p.CustomerIndex == source.Index).Take(3).ToList();
        foreach (var p in projects)
        {
            yield return (p.Name, $"{p.Number}: {p.Description} ({p.StartDate:yyyy-MM-dd} – {p.EndDate:yyyy-MM-dd})",
                p.Status switch { "planned" => 0, "active" => 1, _ => 2 });
        }
        for (var k = projects.Count; k < 2 && world.Tasks.Count > 0; k++)
        {
            var task = world.Tasks[(source.Index * 7 + k) % world.Tasks.Count];
            yield return (task.Title, task.Description, task.Completed ? 2 : 0);
        }
    }
}
