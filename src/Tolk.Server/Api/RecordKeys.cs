using Tolk.Hub.Store;
using Tolk.Server.Auth;

namespace Tolk.Server.Api;

/// <summary>Why a named record cannot be used: 400 for a malformed name, 404 for a record the hub has never seen.</summary>
internal sealed record Refusal(bool NotFound, ApiProblem Problem);

/// <summary>Turns the records a request names into memberships the engine knows, or says which field is wrong and why.</summary>
internal static class RecordKeys
{
    /// <summary>The record <paramref name="key"/> names (in request field <paramref name="field"/>), or the refusal.</summary>
    public static async Task<(MemberKey? Member, Refusal? Refusal)> ResolveAsync(ServerContext context, RecordKey? key, string field, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return Bad($"{field} is missing: name a record as {{\"system\", \"datatype\", \"recordId\"}} (and \"role\" for a datatype's second mapping)");
        }

        foreach (var (name, value) in new[] { ("system", key.System), ("datatype", key.Datatype), ("recordId", key.RecordId) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Bad($"{field}.{name} is missing");
            }
        }

        if (RecordsApi.Parse(key.System!, key.Datatype!) is not { } dataset)
        {
            return Bad($"{field}: '{key.System}/{key.Datatype}' is not a dataset: system and datatype are lower-case names");
        }

        return await ResolveAsync(context, dataset, key.RecordId!, key.Role, field, cancellationToken);
    }

    /// <summary>The record of <paramref name="dataset"/> with id <paramref name="recordId"/> in <paramref name="role"/>, or the refusal.</summary>
    public static async Task<(MemberKey? Member, Refusal? Refusal)> ResolveAsync(ServerContext context, Dataset dataset, string recordId, string? role, string field,
        CancellationToken cancellationToken)
    {
        var member = new MemberKey(dataset, recordId, role ?? "");
        if (context.Engine.Topology.Of(member) is null)
        {
            var roles = context.Engine.Topology.Of(dataset).Select(p => p.Role.Length == 0 ? "(none)" : p.Role).ToList();
            return Bad(roles.Count == 0
                ? $"{field}: no flow uses {dataset}, so Tolk does not link its records"
                : $"{field}: {dataset} takes part in no flow in role '{role}' (its roles: {string.Join(", ", roles)})");
        }

        if (await context.Store.GetLatestAsync(dataset, recordId, cancellationToken) is null)
        {
            return (null, new Refusal(true, new ApiProblem($"{field}: the hub has never seen {dataset} record '{recordId}' (is the id right?)")));
        }

        return (member, null);
    }

    /// <summary>A membership as people (and <c>tolk link</c>) name it: <c>asana/team/1202</c>, <c>asana/task:project/1200</c>.</summary>
    public static string Describe(MemberKey member) =>
        member.Role.Length == 0 ? $"{member.Dataset}/{member.RecordId}" : $"{member.Dataset}:{member.Role}/{member.RecordId}";

    private static (MemberKey?, Refusal?) Bad(string message) => (null, new Refusal(false, new ApiProblem(message)));
}
