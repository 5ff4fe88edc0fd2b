using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Hub.Store;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk links</c>: the records linked to one record, in every system, with the values last synchronized with each.</summary>
internal static class LinksCommand
{
    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var record = RecordArgument();
        var role = RoleOption();
        var command = new Command("links", "Show a record's linked records in every system, with the values last synchronized with each") { record, role, config };
        StoreCommand.SetAction(command, config, async (parse, _, store, cancellationToken) =>
        {
            var (member, problem) = RecordRef.Parse(parse.GetValue(record)!, parse.GetValue(role));
            if (member is null)
            {
                Out.Error(problem!);
                return ExitCodes.Usage;
            }

            var memberships = (await store.FindMembersAsync(member.Dataset, member.RecordId, cancellationToken))
                .Where(m => member.Role.Length == 0 || m.Role == member.Role)
                .ToList();
            var clusters = new List<Cluster>();
            foreach (var membership in memberships)
            {
                if (await store.GetClusterAsync(membership.ClusterId, cancellationToken) is { } cluster)
                {
                    clusters.Add(cluster);
                }
            }

            if (clusters.Count == 0)
            {
                var seen = await store.GetLatestAsync(member.Dataset, member.RecordId, cancellationToken) is not null;
                if (!seen)
                {
                    Out.Error($"the hub has never seen {RecordRef.Format(member)} (is the id right? 'tolk status' lists the datasets)");
                    return ExitCodes.Failed;
                }

                if (parse.GetValue(TolkCommand.Json))
                {
                    Out.Json(new { Record = RecordRef.Format(member), Clusters = Array.Empty<object>() });
                }
                else
                {
                    Console.WriteLine($"{RecordRef.Format(member)} is not linked to any other record. 'tolk history {member.Dataset.System} {member.Dataset.Datatype} {member.RecordId}' shows what the hub has seen of it.");
                }

                return ExitCodes.Ok;
            }

            if (parse.GetValue(TolkCommand.Json))
            {
                Out.Json(new { Record = RecordRef.Format(member), Clusters = clusters.Select(ClusterJson) });
            }
            else
            {
                foreach (var cluster in clusters)
                {
                    Render(member, cluster);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The record argument: three words or one.</summary>
    public static Argument<string[]> RecordArgument()
    {
        var record = new Argument<string[]>("record") { Description = "system datatype id, or system/datatype/id", Arity = new ArgumentArity(1, 3) };
        record.Validators.Add(result =>
        {
            if (RecordRef.Parse(result.GetValueOrDefault<string[]>() ?? []).Problem is { } problem)
            {
                result.AddError(problem);
            }
        });
        return record;
    }

    /// <summary>The role option, for a datatype mapped twice (an Asana task as a project).</summary>
    public static Option<string?> RoleOption() => new("--role") { Description = "The role, for a datatype mapped twice (e.g. project for asana task:project)" };

    private static object ClusterJson(Cluster cluster) => new
    {
        cluster.Id,
        cluster.GlobalType,
        Members = cluster.Members.Select(m => new
        {
            Record = RecordRef.Format(m.Key), m.Dataset.System, m.Dataset.Datatype, m.Role, Id = m.RecordId, m.JoinedBy, m.JoinedAt,
            SyncedValues = JsonValues.Parse(m.SyncedValues),
        }),
        Golden = JsonValues.Parse(cluster.GoldenRecord),
    };

    private static void Render(MemberKey asked, Cluster cluster)
    {
        var now = DateTimeOffset.UtcNow;
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]{RecordRef.Format(asked)}[/] is one {cluster.GlobalType} (cluster {cluster.Id}) with {cluster.Members.Count - 1} linked record(s):");
        var members = new Table().Border(TableBorder.Simple).AddColumns("Record", "Linked by", "Last synchronized values");
        foreach (var m in cluster.Members.OrderBy(m => m.Dataset.System, StringComparer.Ordinal).ThenBy(m => m.RecordId, StringComparer.Ordinal))
        {
            var name = RecordRef.Format(m.Key);
            members.AddRow(
                m.Key == asked ? new Markup($"[bold]{Markup.Escape(name)}[/]") : new Text(name),
                new Text($"{m.JoinedBy.ToString().ToLowerInvariant()}, {Ago.Since(m.JoinedAt, now)}"),
                new Text(JsonValues.Lines(JsonValues.Parse(m.SyncedValues))));
        }

        AnsiConsole.Write(members);
        if (JsonValues.Parse(cluster.GoldenRecord) is JsonObject golden && golden.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Title("Golden record").AddColumns("Property", "Value", "Set by", "Changed");
            foreach (var (property, entry) in golden.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var at = (string?)entry?["at"] is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var when) ? Ago.Since(when, now) : "";
                table.AddRow(new Text(property), new Text(JsonValues.Show(entry?["v"])), new Text((string?)entry?["by"] ?? ""), new Text(at));
            }

            AnsiConsole.Write(table);
        }
    }
}
