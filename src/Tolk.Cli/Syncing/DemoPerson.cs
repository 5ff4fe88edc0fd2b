using Tolk.Emulation.Sample;
using Tolk.Engine;
using Tolk.Engine.Linking;
using Tolk.Sync.Conversion;

namespace Tolk.Cli.Syncing;

/// <summary>
/// The demo's stand-in for the person an ambiguous match waits for. Tolk never guesses; but the demo's sample knows the
/// truth (which of two namesakes is the organization and which only shares its name), so once
/// the initial sync has done all it can, the demo settles the ambiguities it knows the answer to through the same
/// link by hand a person makes in the dashboard or with <c>tolk link</c>, saying so line by line. An ambiguity whose
/// answer the sample cannot tell is left for the person.
/// </summary>
internal sealed class DemoPerson(SampleWorld world)
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);

    /// <summary>Links what the sample can tell; returns the lines that say what it did (empty when there was nothing).</summary>
    public async Task<IReadOnlyList<string>> SettleAsync(SyncEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var lines = new List<string>();
        var settled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ambiguity in await engine.AmbiguitiesAsync(Wait, cancellationToken) ?? [])
        {
            if (!settled.Add(ambiguity.Record.Record.ToString()))
            {
                continue;
            }

            if (Choose(ambiguity) is not { } chosen)
            {
                lines.Add($"Left for you: {Describe(ambiguity.Record)} matches {ambiguity.Candidates.Count} records in {ambiguity.Side}, and the sample cannot tell which.");
                continue;
            }

            var problem = await engine.LinkAsync(ambiguity.Record.Record, chosen.Record, cancellationToken);
            lines.Add(problem is null
                ? $"Linked {Describe(ambiguity.Record)} to {Describe(chosen)}, not to its namesake{(ambiguity.Candidates.Count > 2 ? "s" : "")} (another organization number, e-mail and description in the sample)."
                : $"Could not link {Describe(ambiguity.Record)} to {Describe(chosen)}: {problem}");
        }

        return lines;
    }

    // The one candidate that is the same organization as the record. The sample's namesakes share a name, website and
    // phone but not their organization number, e-mail or description: a record showing the namesake's is the namesake,
    // one showing the organization's (or nothing, as an Asana team shows only its name) is the organization.
    private AmbiguousRecord? Choose(Ambiguity ambiguity)
    {
        var name = Text(ambiguity.Record, "name");
        var real = world.Organizations.FirstOrDefault(o => Same(o.Name, name));
        var namesake = world.NearMissOrganizations.FirstOrDefault(o => Same(o.Name, name));
        if (real is null || namesake is null)
        {
            return null;
        }

        var (wanted, other) = Shows(ambiguity.Record, namesake) && !Shows(ambiguity.Record, real) ? (namesake, real) : (real, namesake);
        var fitting = ambiguity.Candidates.Where(c => Shows(c, wanted) && !Shows(c, other)).ToList();
        return fitting.Count == 1 ? fitting[0] : null;
    }

    private static bool Shows(AmbiguousRecord record, SampleOrganization organization) =>
        (Digits(Text(record, "org_number")) is { } number && number == Digits(organization.OrgNumber))
        || Same(Text(record, "email"), organization.Email)
        || Text(record, "description") is { Length: > 0 } description && description == organization.Description;

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Describe(AmbiguousRecord record)
    {
        var name = Text(record, "name") is { } text ? $" '{text}'" : "";
        var number = Text(record, "org_number") is { } org ? $" (org {org})" : "";
        return $"{record.Record.Dataset}{name} {record.Record.RecordId}{number}";
    }

    private static string? Text(AmbiguousRecord record, string property) =>
        record.Values.TryGetValue(property, out var value) && value is TextValue text ? text.Value : null;

    private static string? Digits(string? text) =>
        text is null ? null : new string([.. text.Where(char.IsAsciiDigit)]) is { Length: > 0 } digits ? digits : null;
}
