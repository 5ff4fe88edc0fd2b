using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator.Internal;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <summary>Every reference must name an existing record (checked under the write lock).</summary>
    private ApiError? CheckReferences(CollectionSchema schema, JsonObject fields)
    {
        foreach (var rule in schema.References)
        {
            if (fields[rule.Name]?.GetValue<string>() is { } id && !_collections[rule.Target!].Table.Contains(id))
            {
                var target = _collections[rule.Target!].Schema.Singular;
                return ApiError.Validation(rule.Name, $"{rule.Name}: there is no {target} with id '{id}'.");
            }
        }
        return null;
    }

    /// <summary>A project's key must not be blank and must be unique, case-insensitively.</summary>
    private static ApiError? CheckKey(Collection c, JsonObject fields, string? selfId)
    {
        if (c.Schema != Projects || fields["key"]?.GetValue<string>() is not { } key)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(key))
        {
            return ApiError.Validation("key", "key must not be empty; leave it out to have one assigned.");
        }
        return KeyTaken(c, key, selfId) ? ApiError.Clash("key", $"Another project already has the key '{key}'.") : null;
    }

    private static bool KeyTaken(Collection projects, string key, string? selfId) =>
        projects.Table.Where(p => p["id"]!.GetValue<string>() != selfId
            && string.Equals(p["key"]?.GetValue<string>(), key, StringComparison.OrdinalIgnoreCase)).Count > 0;

    private string NextKey(Collection projects)
    {
        while (true)
        {
            var key = $"{CustompmsAssumptions.KeyPrefix}{_nextKey++}";
            if (!KeyTaken(projects, key, null))
            {
                return key;
            }
        }
    }

    /// <summary>What still refers to a record, e.g. "2 projects", or null when nothing does.</summary>
    private string? Referrers(Collection target, string id)
    {
        var found = new List<string>();
        foreach (var c in _collections.Values)
        {
            foreach (var rule in c.Schema.References.Where(r => r.Target == target.Schema.Name))
            {
                var count = c.Table.Where(r => r[rule.Name]?.GetValue<string>() == id).Count;
                if (count > 0)
                {
                    found.Add($"{count} {(count == 1 ? c.Schema.Singular : c.Schema.Name)}");
                }
            }
        }
        return found.Count == 0 ? null : string.Join(" and ", found);
    }
}
