using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Bench.Engine;

/// <summary>
/// Person edits in Customerp of records that are linked to a target, and the check that each reached it: a customer's
/// phone (Tidsbanken Kunde), a contact's title (Crmoffice contact), an employee's title (Tidsbanken Ansatt).
/// </summary>
internal sealed class EditProbe(BenchFleet fleet, IHubStore store)
{
    private static readonly EditKind[] Kinds =
    [
        new("customer", "customers", "phone", "tidsbanken", "kunde", "Kunde", "Telefon"),
        new("contact", "contacts", "title", "crmoffice", "contact", "contacts", "title"),
        new("employee", "employees", "title", "tidsbanken", "ansatt", "Ansatt", "Tittel"),
    ];

    private readonly Dictionary<EditKind, List<FlowLink>> _links = [];
    private readonly Dictionary<EditKind, int> _next = [];
    private int _serial;

    /// <summary>An edit made and where it must arrive.</summary>
    public sealed record Edit(EditKind Kind, string SourceId, string TargetId, string Value);

    /// <summary>One kind of edit: the Customerp datatype, collection and field, and the target that receives it.</summary>
    public sealed record EditKind(string Datatype, string Collection, string Field, string TargetSystem, string TargetDatatype, string TargetCollection,
        string TargetField);

    public async Task LoadLinksAsync()
    {
        foreach (var kind in Kinds)
        {
            var links = await store.GetFlowLinksAsync(new Dataset("customerp", kind.Datatype), new Dataset(kind.TargetSystem, kind.TargetDatatype));
            _links[kind] = [.. links.Where(l => l.Source.Role.Length == 0 && l.Target.Role.Length == 0).OrderBy(l => l.ClusterId)];
            _next[kind] = 0;
            if (_links[kind].Count == 0)
            {
                throw new InvalidOperationException($"no customerp {kind.Datatype} is linked to a {kind.TargetSystem} {kind.TargetDatatype} to edit");
            }
        }
    }

    /// <summary>How many records of a kind can be edited before one is edited again.</summary>
    public int Capacity(int kind) => _links[Kinds[kind % Kinds.Length]].Count;

    /// <summary>Makes one edit of kind <paramref name="kind"/> (cycling through the three), on the kind's records in turn.</summary>
    public async Task<Edit> EditAsync(int kind)
    {
        var k = Kinds[kind % Kinds.Length];
        var link = _links[k][_next[k]++ % _links[k].Count];
        var serial = Interlocked.Increment(ref _serial);
        var value = k.Field == "phone"
            ? string.Create(CultureInfo.InvariantCulture, $"+47 4{serial % 100:00} {serial * 7919 % 100:00} {serial * 104_729 % 1000:000}")
            : string.Create(CultureInfo.InvariantCulture, $"Benchmark title {serial}");
        await fleet.Admin["customerp"].EditAsync(k.Collection, link.Source.RecordId, new JsonObject { [k.Field] = value });
        return new Edit(k, link.Source.RecordId, link.Target.RecordId, value);
    }

    /// <summary>The edits whose value the target does not hold.</summary>
    public async Task<IReadOnlyList<Edit>> NotArrivedAsync(IEnumerable<Edit> edits)
    {
        var missing = new List<Edit>();
        foreach (var edit in edits)
        {
            var target = await fleet.Admin[edit.Kind.TargetSystem].GetAsync(edit.Kind.TargetCollection, edit.TargetId);
            if ((string?)target?[edit.Kind.TargetField] != edit.Value)
            {
                missing.Add(edit);
            }
        }

        return missing;
    }
}
