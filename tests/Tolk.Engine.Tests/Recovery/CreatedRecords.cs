using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Runtime;

namespace Tolk.Engine.Tests.Recovery;

/// <summary>Finds, through an emulator's admin channel, the records that carry what one create sent.</summary>
internal static class CreatedRecords
{
    // Each target datatype's collection in its emulator.
    private static readonly Dictionary<(string System, string Datatype), string> Collections = new()
    {
        [("customerp", "customer")] = "customers",
        [("customerp", "contact")] = "contacts",
        [("customerp", "employee")] = "employees",
        [("customerp", "project")] = "projects",
        [("customerp", "product")] = "products",
        [("tidsbanken", "kunde")] = "Kunde",
        [("tidsbanken", "ansatt")] = "Ansatt",
        [("tidsbanken", "prosjekt")] = "Prosjekt",
        [("crmoffice", "company")] = "companies",
        [("crmoffice", "contact")] = "contacts",
        [("crmoffice", "activity")] = "activities",
        [("custompms", "customer")] = "customers",
        [("custompms", "project")] = "projects",
        [("custompms", "task")] = "tasks",
        [("trello", "organization")] = "organizations",
        [("trello", "action")] = "actions",
    };

    public static string Collection(string system, string datatype) =>
        Collections.TryGetValue((system, datatype), out var collection)
            ? collection
            : throw new InvalidOperationException($"no emulator collection is known for {system}.{datatype}; add it to {nameof(CreatedRecords)}");

    /// <summary>
    /// The ids of the records of <paramref name="datatype"/> that hold the create's identity: its merge-key fields when
    /// it sent any, else every text field it sent.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindAsync(Sandbox sandbox, string system, string datatype, JsonObject fields,
        IReadOnlyDictionary<string, string> match)
    {
        var identity = match.Count > 0
            ? match.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal)
            : fields.Where(f => f.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                .ToDictionary(f => f.Key, f => (string)f.Value!, StringComparer.Ordinal);
        if (identity.Count == 0)
        {
            throw new InvalidOperationException($"{system}.{datatype}: the create sent neither merge keys nor text fields to tell its record by");
        }

        var records = await sandbox.Fleet[system].Admin.ListAsync(Collection(system, datatype));
        return [.. records
            .Where(r => identity.All(i => Text(At(r, i.Key)) is { } text && string.Equals(text.Trim(), i.Value.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(r => Text(r["id"] ?? r["Id"]) ?? "?")];
    }

    private static JsonNode? At(JsonObject record, string path) =>
        path.Split('.').Aggregate((JsonNode?)record, (node, part) => node is JsonObject o ? o[part] : null);

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
        : null;
}
