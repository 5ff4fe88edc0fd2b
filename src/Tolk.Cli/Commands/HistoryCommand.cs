using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk history</c>: a record's versions from the hub log, newest first, each with what changed.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var record = LinksCommand.RecordArgument();
        var limit = new Option<int>("--limit") { Description = "The most versions to show", DefaultValueFactory = _ => 20 };
        var command = new Command("history", "Show a record's versions from the hub log, newest first, with what changed in each") { record, limit, config };
        StoreCommand.SetAction(command, config, async (parse, _, store, cancellationToken) =>
        {
            var (member, problem) = RecordRef.Parse(parse.GetValue(record)!);
            if (member is null)
            {
                Out.Error(problem!);
                return ExitCodes.Usage;
            }

            if (parse.GetValue(limit) < 1)
            {
                Out.Error("--limit must be at least 1");
                return ExitCodes.Usage;
            }

            // One more than asked, so that the oldest shown still has a version to compare with.
            var versions = await store.GetHistoryAsync(member.Dataset, member.RecordId, parse.GetValue(limit) + 1, cancellationToken: cancellationToken);
            if (versions.Count == 0)
            {
                Out.Error($"the hub has never seen {RecordRef.Format(member)} (is the id right? 'tolk status' lists the datasets)");
                return ExitCodes.Failed;
            }

            var shown = versions.Take(parse.GetValue(limit)).Select((v, i) => new
            {
                v.Seq, v.ObservedAt, v.ModifiedAt, v.Deleted, v.Hash,
                Changes = Changes(i + 1 < versions.Count ? JsonValues.Parse(versions[i + 1].Content) as JsonObject : null, JsonValues.Parse(v.Content) as JsonObject),
                Content = JsonValues.Parse(v.Content),
            }).ToList();
            if (parse.GetValue(TolkCommand.Json))
            {
                Out.Json(new { Record = RecordRef.Format(member), Versions = shown });
                return ExitCodes.Ok;
            }

            AnsiConsole.MarkupLineInterpolated($"[bold]{RecordRef.Format(member)}[/]: {shown.Count} version(s), newest first");
            var table = new Table().Border(TableBorder.Simple).AddColumns("Seq", "Seen", "Modified", "Changes");
            foreach (var v in shown)
            {
                var changes = v.Deleted ? "deleted" : v.Changes.Count == 0 ? "first version seen" : string.Join('\n', v.Changes.Select(c => $"{c.Field}: {c.Before} → {c.After}"));
                table.AddRow($"{v.Seq}", $"{v.ObservedAt:yyyy-MM-dd HH:mm:ss}", v.ModifiedAt is { } m ? $"{m:yyyy-MM-dd HH:mm:ss}" : "", Markup.Escape(changes));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record Change(string Field, string Before, string After);

    // Field by field, one level deep: nested objects (Crmoffice's address) compare as a whole.
    private static List<Change> Changes(JsonObject? before, JsonObject? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        return before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(key => !JsonNode.DeepEquals(before[key], after[key]))
            .Select(key => new Change(key, before.ContainsKey(key) ? JsonValues.Show(before[key], 40) : "(absent)", after.ContainsKey(key) ? JsonValues.Show(after[key], 40) : "(absent)"))
            .ToList();
    }
}
