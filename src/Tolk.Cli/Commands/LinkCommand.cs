using System.CommandLine;
using System.Text.Json.Nodes;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Hub.Store;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk link</c> and <c>tolk unlink</c>: a person's say over which records are one thing.</summary>
internal static class LinkCommand
{
    public static Command CreateLink()
    {
        var config = CliSettings.ConfigOption();
        var first = RecordWord("record", "system/datatype/id (system/datatype:role/id for a datatype's second mapping)");
        var second = RecordWord("other", "The record to link it with, named the same way");
        var command = new Command("link", $"Link two records by hand, e.g. to settle an ambiguous match (while a tolk serves the store, through its API with the token in {ManagementClient.TokenVariable})")
        {
            first, second, config,
        };
        EngineCommand.SetAction(command, config, async (parse, session, cancellationToken) =>
        {
            var (a, problemA) = RecordRef.Parse([parse.GetValue(first)!]);
            var (b, problemB) = RecordRef.Parse([parse.GetValue(second)!]);
            if (a is null || b is null)
            {
                Out.Error((problemA ?? problemB)!);
                return ExitCodes.Usage;
            }

            foreach (var member in new[] { a, b })
            {
                if (await session.Store.GetLatestAsync(member.Dataset, member.RecordId, cancellationToken) is null)
                {
                    Out.Error($"the hub has never seen {RecordRef.Format(member)} (is the id right? 'tolk status' lists the datasets)");
                    return ExitCodes.Failed;
                }
            }

            if (await session.Engine.LinkAsync(a, b, cancellationToken) is { } refused)
            {
                Out.Error($"cannot link {RecordRef.Format(a)} and {RecordRef.Format(b)}: {refused}");
                return ExitCodes.Failed;
            }

            Report(parse, "linked", a, $"Linked {RecordRef.Format(a)} and {RecordRef.Format(b)}; {EngineCommand.NextSync}");
            return ExitCodes.Ok;
        }, async (parse, client, cancellationToken) =>
        {
            var (a, _) = RecordRef.Parse([parse.GetValue(first)!]);
            var (b, _) = RecordRef.Parse([parse.GetValue(second)!]);
            var (_, exit) = await client.PostAsync("api/links", new JsonObject { ["record"] = Key(a!), ["other"] = Key(b!) },
                $"cannot link {RecordRef.Format(a!)} and {RecordRef.Format(b!)}", cancellationToken);
            if (exit == ExitCodes.Ok)
            {
                Report(parse, "linked", a!, $"Linked {RecordRef.Format(a!)} and {RecordRef.Format(b!)} through the running tolk at {client.Server}; a sync cycle of both has started.");
            }

            return exit;
        });
        return command;
    }

    public static Command CreateUnlink()
    {
        var config = CliSettings.ConfigOption();
        var record = LinksCommand.RecordArgument();
        var role = LinksCommand.RoleOption();
        var command = new Command("unlink", $"Unlink a record by hand; no merge criterion links it again (while a tolk serves the store, through its API with the token in {ManagementClient.TokenVariable})")
        {
            record, role, config,
        };
        EngineCommand.SetAction(command, config, async (parse, session, cancellationToken) =>
        {
            var (member, problem) = RecordRef.Parse(parse.GetValue(record)!, parse.GetValue(role));
            if (member is null)
            {
                Out.Error(problem!);
                return ExitCodes.Usage;
            }

            if (!await session.Engine.UnlinkAsync(member, cancellationToken))
            {
                Out.Error($"{RecordRef.Format(member)} was not linked ('tolk links {member.Dataset.System} {member.Dataset.Datatype} {member.RecordId}' shows its links); it will not be linked by a merge criterion from now on");
                return ExitCodes.Failed;
            }

            Report(parse, "unlinked", member, $"Unlinked {RecordRef.Format(member)}: {Unlinked}");
            return ExitCodes.Ok;
        }, async (parse, client, cancellationToken) =>
        {
            var (member, problem) = RecordRef.Parse(parse.GetValue(record)!, parse.GetValue(role));
            if (member is null)
            {
                Out.Error(problem!);
                return ExitCodes.Usage;
            }

            var path = $"api/records/{Uri.EscapeDataString(member.Dataset.System)}/{Uri.EscapeDataString(member.Dataset.Datatype)}/{Uri.EscapeDataString(member.RecordId)}/unlink"
                + (member.Role.Length > 0 ? $"?role={Uri.EscapeDataString(member.Role)}" : "");
            var (_, exit) = await client.PostAsync(path, null, $"cannot unlink {RecordRef.Format(member)}", cancellationToken);
            if (exit == ExitCodes.Ok)
            {
                Report(parse, "unlinked", member, $"Unlinked {RecordRef.Format(member)} through the running tolk at {client.Server}: {Unlinked}");
            }

            return exit;
        });
        return command;
    }

    private const string Unlinked = "it keeps its values and is never linked again by a merge criterion ('tolk link' can still link it by hand).";

    private static JsonObject Key(MemberKey member) => new()
    {
        ["system"] = member.Dataset.System,
        ["datatype"] = member.Dataset.Datatype,
        ["recordId"] = member.RecordId,
        ["role"] = member.Role,
    };

    private static Argument<string> RecordWord(string name, string description)
    {
        var record = new Argument<string>(name) { Description = description };
        record.Validators.Add(result =>
        {
            if (RecordRef.Parse([result.GetValueOrDefault<string>() ?? ""]).Problem is { } problem)
            {
                result.AddError(problem);
            }
        });
        return record;
    }

    private static void Report(ParseResult parse, string done, MemberKey member, string message)
    {
        if (parse.GetValue(TolkCommand.Json))
        {
            Out.Json(new { Done = done, Record = RecordRef.Format(member), Message = message });
        }
        else
        {
            Console.WriteLine(message);
        }
    }
}
